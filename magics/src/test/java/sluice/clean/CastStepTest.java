package sluice.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import sluice.magic.UsageError;
import sluice.clean.CastStep.To;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CastStepTest {
    private final Table penguins = Penguins.read();

    @Test
    void castToCategory_learnsTheSortedLevels() {
        CastStep cast = new CastStep(List.of("species", "island"), To.CATEGORY).fit(penguins);

        assertThat(cast.levels().get("species")).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(cast.levels().get("island")).containsExactly("Biscoe", "Dream", "Torgersen");
        assertThat(cast.describe()).isEqualTo("cast species, island to category (3, 3 levels)");
        assertThat(cast.apply(penguins).column("species").type()).isEqualTo(ColumnType.STRING);
    }

    @Test
    void castToCategory_onNewRows_keepsAnUnseenLevelAsItIs_andKeepsTheLearnedLevels() {
        CastStep cast = new CastStep(List.of("species"), To.CATEGORY).fit(penguins);
        Table fresh = Table.create("new", StringColumn.create("species", "Gentoo", "Emperor", ""));

        Table cast2 = cast.apply(fresh);

        assertThat(cast2.stringColumn("species").asList()).containsExactly("Gentoo", "Emperor", "");
        assertThat(cast.levels().get("species")).containsExactly("Adelie", "Chinstrap", "Gentoo");
    }

    @Test
    void castANumberToCategory_sortsLevelsByValue_andWritesWholeNumbersPlainly() {
        Table small = Table.create("t", DoubleColumn.create("x", new double[] {10, 9, Double.NaN, 9, 1.5}));

        CastStep cast = new CastStep(List.of("x"), To.CATEGORY).fit(small);

        assertThat(cast.levels().get("x")).containsExactly("1.5", "9", "10");
        assertThat(cast.apply(small).stringColumn("x").asList()).containsExactly("10", "9", "", "9", "1.5");
    }

    @Test
    void castToInt_convertsWholeDecimalsAndText_keepingMissing() {
        Table small = Table.create("t", DoubleColumn.create("d", new double[] {1, Double.NaN, -3}),
                StringColumn.create("s", " 7", "", "12"));

        Table cast = new CastStep(List.of("d", "s"), To.INT).fit(small).apply(small);

        assertThat(cast.intColumn("d").asList()).containsExactly(1, null, -3);
        assertThat(cast.intColumn("s").asList()).containsExactly(7, null, 12);
        assertThat(small.column("s").type()).isEqualTo(ColumnType.STRING);
    }

    @Test
    void castToInt_withValuesThatDoNotParse_givesTheCountAndThreeExamples() {
        Table small = Table.create("t", StringColumn.create("x", "1", "abc", "1.5", "n/a", "??", "2"));

        assertThatThrownBy(() -> new CastStep(List.of("x"), To.INT).fit(small))
                .isInstanceOf(UsageError.class)
                .hasMessage("Cannot cast 4 values of 'x' to integer, e.g. 'abc', '1.5', 'n/a'. Fill or fix them first.");
    }

    @Test
    void castADecimalColumnWithFractionsToInt_refusesToRound() {
        assertThatThrownBy(() -> new CastStep(List.of("bill_length_mm"), To.INT).fit(penguins))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("Cannot cast 308 values of 'bill_length_mm' to integer, e.g. '39.1', '39.5', '40.3'.");
    }

    @Test
    void castToInt_onNewRowsThatDoNotParse_failsTheSameWay() {
        CastStep cast = new CastStep(List.of("x"), To.INT).fit(Table.create("t", StringColumn.create("x", "1")));

        assertThatThrownBy(() -> cast.apply(Table.create("t", StringColumn.create("x", "one"))))
                .isInstanceOf(UsageError.class)
                .hasMessage("Cannot cast 1 value of 'x' to integer, e.g. 'one'. Fill or fix it first.");
    }

    @Test
    void castToDouble_andToString() {
        Table small = Table.create("t", StringColumn.create("s", "1.25", "", "3"));

        Table decimal = new CastStep(List.of("s"), To.DOUBLE).fit(small).apply(small);
        Table text = new CastStep(List.of("year"), To.STRING).fit(penguins).apply(penguins);

        assertThat(decimal.doubleColumn("s").asList()).containsExactly(1.25, null, 3.0);
        assertThat(text.stringColumn("year").get(0)).isEqualTo("2007");
    }

    @Test
    void castToDate_readsIsoDates_andNamesTheOthers() {
        Table good = Table.create("t", StringColumn.create("d", "2024-01-31", ""));
        Table bad = Table.create("t", StringColumn.create("d", "31/01/2024"));

        DateColumn dates = new CastStep(List.of("d"), To.DATE).fit(good).apply(good).dateColumn("d");

        assertThat(dates.get(0)).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(dates.isMissing(1)).isTrue();
        assertThatThrownBy(() -> new CastStep(List.of("d"), To.DATE).fit(bad))
                .isInstanceOf(UsageError.class)
                .hasMessage("Cannot cast 1 value of 'd' to date, e.g. '31/01/2024'. Fill or fix it first.");
    }

    @Test
    void castToBoolean_readsTrueFalseYesNoAndOneZero() {
        Table small = Table.create("t", StringColumn.create("b", "yes", "No", "TRUE", "0", ""));

        Table cast = new CastStep(List.of("b"), To.BOOLEAN).fit(small).apply(small);

        assertThat(cast.booleanColumn("b").asList()).containsExactly(true, false, true, false, null);
    }

    @Test
    void castADateToInt_saysItCannot() {
        Table small = Table.create("t", DateColumn.create("d", LocalDate.of(2024, 1, 1)));

        assertThatThrownBy(() -> new CastStep(List.of("d"), To.INT).fit(small))
                .isInstanceOf(UsageError.class)
                .hasMessage("Cannot cast date column 'd' to integer.");
    }

    @Test
    void castUnknownColumn_namesTheClosestOne() {
        assertThatThrownBy(() -> new CastStep(List.of("specis"), To.CATEGORY).fit(penguins))
                .isInstanceOf(UsageError.class)
                .hasMessage("No column 'specis'. Did you mean 'species'?");
    }
}
