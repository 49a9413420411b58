package sluice.clean;

import static sluice.magic.Notebook.PENGUINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.magic.Notebook;
import sluice.magic.UsageError;
import sluice.pipeline.Pipeline;
import sluice.session.Session;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** %clean as a user runs it on penguins: what each op says, what it records, undo, and bad input. */
class CleanMagicTest {
    private final Notebook notebook = new Notebook();
    private final Session session = notebook.session;

    private Object run(String line) throws Exception {
        return notebook.run(line);
    }

    @BeforeEach
    void ingest() throws Exception {
        run("ingest " + PENGUINS);
    }

    @Test
    void fillWithMean_saysWhatItFilledAndWithWhat() throws Exception {
        assertThat(run("clean fill bill_length_mm --with mean"))
                .isEqualTo("filled 2 missing values in bill_length_mm with mean 43.92");
        assertThat(session.table().column("bill_length_mm").countMissing()).isZero();
        assertThat(session.pipeline().steps()).hasSize(1);
    }

    @Test
    void fillAllWithMean_fillsNumericColumns_andSaysWhichTextColumnsItLeftAlone() throws Exception {
        String report = (String) run("clean fill --all --with mean");
        assertThat(report).contains("filled 2 missing values in body_mass_g with mean 4201.75")
                .contains("left species, island, sex alone");
        assertThat(session.table().column("sex").countMissing()).isEqualTo(11);
    }

    @Test
    void dropMissing_saysHowManyRowsWentAndHowManyAreLeft() throws Exception {
        assertThat(run("clean drop-missing")).isEqualTo("dropped 11 rows with missing values (333 left)");
    }

    @Test
    void recordedSteps_replayOnFreshRows_withTheValuesLearnedOnPenguins() throws Exception {
        run("clean fill bill_length_mm --with mean");
        run("clean fill sex --with mode");
        run("clean drop-missing");
        Table fresh = Table.create("fresh",
                StringColumn.create("species", "Adelie", "Gentoo"),
                StringColumn.create("island", "Biscoe", "Dream"),
                DoubleColumn.create("bill_length_mm", new double[] {Double.NaN, 50.0}),
                DoubleColumn.create("bill_depth_mm", new double[] {18.0, Double.NaN}),
                IntColumn.create("flipper_length_mm", 200, 210),
                IntColumn.create("body_mass_g", 4000, 5000),
                StringColumn.create("sex", new String[] {null, "female"}),
                IntColumn.create("year", 2008, 2009));
        Pipeline pipeline = session.pipeline();
        Table cleaned = pipeline.apply(fresh);
        assertThat(cleaned.rowCount()).as("drop-missing is not replayed on new rows").isEqualTo(2);
        assertThat(cleaned.doubleColumn("bill_length_mm").get(0)).isCloseTo(43.92193, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(cleaned.stringColumn("sex").get(0)).isEqualTo("male");
        assertThat(run("clean steps").toString()).contains("1. fill bill_length_mm with mean 43.92")
                .containsPattern("3\\. drop rows .*\\(not replayed on new rows\\)");
    }

    @Test
    void undo_restoresTheTableAndTheStepsBeforeTheLastStep() throws Exception {
        Table raw = session.table();
        run("clean drop-missing");
        assertThat(run("clean undo").toString()).startsWith("undid: ");
        assertThat(session.table()).isSameAs(raw);
        assertThat(session.pipeline().steps()).isEmpty();
        assertThatThrownBy(() -> run("clean undo")).isInstanceOf(UsageError.class).hasMessageContaining("Nothing to undo");
    }

    @Test
    void unknownColumn_namesTheClosest_andNothingChanges() throws Exception {
        Table before = session.table();
        assertThatThrownBy(() -> run("clean fill bill_lenght_mm --with mean"))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("No column 'bill_lenght_mm'. Did you mean 'bill_length_mm'?");
        assertThat(session.table()).isSameAs(before);
        assertThat(session.pipeline().steps()).isEmpty();
    }

    @Test
    void meanOfATextColumn_isAOneLineError_andNothingChanges() throws Exception {
        Table before = session.table();
        assertThatThrownBy(() -> run("clean fill sex --with mean")).isInstanceOf(UsageError.class).hasMessageContaining("sex");
        assertThat(session.table()).isSameAs(before);
    }

    @Test
    void clipOfATextColumn_andCastOfUnparsableValues_areOneLineErrors() throws Exception {
        assertThatThrownBy(() -> run("clean clip species --iqr 1.5")).isInstanceOf(UsageError.class).hasMessageContaining("species");
        assertThatThrownBy(() -> run("clean cast island --to int")).isInstanceOf(UsageError.class)
                .hasMessageContaining("344").hasMessageContaining("Biscoe");
        assertThat(session.pipeline().steps()).isEmpty();
    }

    @Test
    void renameKeepDropDedupe_reportWhatChanged() throws Exception {
        assertThat(run("clean rename bill_length_mm=bill,body_mass_g=mass")).isEqualTo("renamed bill_length_mm → bill, body_mass_g → mass");
        assertThat(run("clean drop year")).isEqualTo("dropped year (7 columns left)");
        assertThat(run("clean keep species,bill,mass").toString()).startsWith("kept species, bill, mass");
        assertThat(run("clean dedupe species").toString()).isEqualTo("dropped 341 rows duplicated (3 left)");
    }

    @Test
    void unknownHowOrCastTarget_isOneLine_sayingWhatTheOptionTakes_andTheClosestValue() {
        assertThatThrownBy(() -> run("clean drop-missing --how alll")).isInstanceOf(UsageError.class)
                .hasMessage("--how takes any or all, not 'alll'. Did you mean 'all'?");
        assertThatThrownBy(() -> run("clean cast year --to integr")).isInstanceOf(UsageError.class)
                .hasMessage("--to takes category, integer, decimal, text, date or boolean, not 'integr'. Did you mean 'integer'?");
        assertThat(session.pipeline().steps()).isEmpty();
    }

    @Test
    void valuesOfAFixedSet_readInAnyCase() throws Exception {
        assertThat(run("clean drop-missing --how ALL")).isEqualTo("dropped 0 rows with missing values (344 left)");
        assertThat(run("clean cast year --to Category")).isEqualTo("cast year to category (3 levels)");
        assertThat(run("clean cast body_mass_g --to double")).as("the first names still read").isEqualTo("cast body_mass_g to decimal");
    }

    @Test
    void clipTakesExactlyOneWayToFindBounds() {
        String exactlyOne = "Give exactly one of --iqr K, --z K or --range LO:HI.";
        assertThatThrownBy(() -> run("clean clip body_mass_g")).isInstanceOf(UsageError.class).hasMessage(exactlyOne);
        assertThatThrownBy(() -> run("clean clip body_mass_g --iqr 1.5 --z 3")).isInstanceOf(UsageError.class).hasMessage(exactlyOne);
    }

    @Test
    void fillTakesColumnsOrAll_exactlyOne_andChangesNothingOtherwise() {
        String exactlyOne = "Give exactly one of COLS or --all.";
        assertThatThrownBy(() -> run("clean fill --with mean")).isInstanceOf(UsageError.class).hasMessage(exactlyOne);
        assertThatThrownBy(() -> run("clean fill sex --all --with mode")).isInstanceOf(UsageError.class).hasMessage(exactlyOne);
        assertThatThrownBy(() -> run("clean fill --all sex --with mode")).isInstanceOf(UsageError.class).hasMessage(exactlyOne);
        assertThatThrownBy(() -> run("clean fill --all --all --with mean")).isInstanceOf(UsageError.class)
                .hasMessage("Give --all only once.");
        assertThatThrownBy(() -> run("clean fill sex")).isInstanceOf(UsageError.class).hasMessageContaining("--with");
        assertThat(session.pipeline().steps()).isEmpty();
        assertThat(session.table().column("sex").countMissing()).isEqualTo(11);
    }

    @Test
    void renameWithoutANewName_saysHowToWriteIt() {
        assertThatThrownBy(() -> run("clean rename sex")).isInstanceOf(UsageError.class)
                .hasMessage("Give 'sex' a new name, e.g. sex=new_name.");
        assertThatThrownBy(() -> run("clean rename sex=gender,island")).isInstanceOf(UsageError.class)
                .hasMessage("Give 'island' a new name, e.g. island=new_name.");
    }

    @Test
    void withoutATable_saysToIngestFirst() {
        Notebook empty = new Notebook();
        assertThatThrownBy(() -> empty.run("clean drop-missing"))
                .isInstanceOf(UsageError.class).hasMessageContaining("%ingest");
    }
}
