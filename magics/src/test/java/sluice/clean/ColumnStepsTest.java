package sluice.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sluice.magic.UsageError;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** drop, keep and rename: the steps that change which columns a table has. */
class ColumnStepsTest {
    private final Table penguins = Penguins.read();
    private final Table fresh = Table.create("new",
            StringColumn.create("species", "Gentoo"), DoubleColumn.create("bill_length_mm", 47.0),
            IntColumn.create("year", new int[] {2009}));

    @Test
    void drop_removesTheColumns_fromPenguinsAndFromNewRows() {
        DropStep drop = new DropStep(List.of("year", "island")).fit(penguins);

        assertThat(drop.apply(penguins).columnNames()).containsExactly(
                "species", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex");
        assertThat(penguins.columnCount()).isEqualTo(8);
        assertThat(drop.describe()).isEqualTo("drop year, island");
    }

    @Test
    void drop_everyColumn_saysToKeepOne() {
        Table one = Table.create("t", IntColumn.create("n", 1));

        assertThatThrownBy(() -> new DropStep(List.of("n")).fit(one))
                .isInstanceOf(UsageError.class)
                .hasMessage("Cannot drop every column; keep at least one.");
    }

    @Test
    void drop_unknownColumn_namesTheClosestOne() {
        assertThatThrownBy(() -> new DropStep(List.of("yaer")).fit(penguins))
                .isInstanceOf(UsageError.class)
                .hasMessage("No column 'yaer'. Did you mean 'year'?");
    }

    @Test
    void keep_keepsOnlyTheNamedColumns_inTheOrderNamed() {
        KeepStep keep = new KeepStep(List.of("year", "species")).fit(penguins);

        Table kept = keep.apply(penguins);
        assertThat(kept.columnNames()).containsExactly("year", "species");
        assertThat(kept.rowCount()).isEqualTo(344);
        assertThat(keep.apply(fresh).columnNames()).containsExactly("year", "species");
    }

    @Test
    void keep_onNewRowsWithoutTheColumn_namesIt() {
        KeepStep keep = new KeepStep(List.of("species", "island")).fit(penguins);

        assertThatThrownBy(() -> keep.apply(fresh))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("No column 'island'.");
    }

    @Test
    void rename_renamesInPlace_andReplaysOnNewRows() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("bill_length_mm", "bill");
        names.put("year", "yr");
        RenameStep rename = new RenameStep(names).fit(penguins);

        assertThat(rename.apply(penguins).columnNames()).containsExactly(
                "species", "island", "bill", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "yr");
        assertThat(rename.apply(fresh).columnNames()).containsExactly("species", "bill", "yr");
        assertThat(penguins.columnNames()).contains("bill_length_mm");
        assertThat(rename.describe()).isEqualTo("rename bill_length_mm to bill, year to yr");
    }

    @Test
    void rename_swapOfTwoNames_works() {
        Map<String, String> swap = new LinkedHashMap<>();
        swap.put("species", "year");
        swap.put("year", "species");

        Table swapped = new RenameStep(swap).fit(fresh).apply(fresh);

        assertThat(swapped.columnNames()).containsExactly("year", "bill_length_mm", "species");
        assertThat(swapped.stringColumn("year").get(0)).isEqualTo("Gentoo");
    }

    @Test
    void rename_unknownOldName_namesTheClosestOne() {
        assertThatThrownBy(() -> new RenameStep(Map.of("speces", "kind")).fit(penguins))
                .isInstanceOf(UsageError.class)
                .hasMessage("No column 'speces'. Did you mean 'species'?");
    }

    @Test
    void rename_toAnExistingName_saysToPickAnother() {
        assertThatThrownBy(() -> new RenameStep(Map.of("species", "island")).fit(penguins))
                .isInstanceOf(UsageError.class)
                .hasMessage("Cannot rename to 'island': there is already a column 'island'. "
                        + "Pick another name or drop that column first.");
    }
}
