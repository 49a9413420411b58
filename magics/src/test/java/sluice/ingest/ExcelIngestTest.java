package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.dhatim.fastexcel.Worksheet;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class ExcelIngestTest {
    @TempDir
    Path dir;

    /** Header, then rows 1–3; row 3 leaves every cell but id empty, and a wholly empty row sits between 2 and 3. */
    private static void everyType(Worksheet ws) {
        String[] header = {"id", "price", "big", "ok", "day", "at", "clock", "name", "twice", "mixed"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        for (int r = 1; r <= 2; r++) {
            ws.value(r, 0, r);
            ws.value(r, 1, r + 0.5);
            ws.value(r, 2, 5_000_000_000L * r);
            ws.value(r, 3, r == 1);
            ws.value(r, 4, LocalDate.of(2024, 1, 31).plusDays(r - 1));
            ws.style(r, 4).format("dd.mm.yyyy").set();
            ws.value(r, 5, LocalDateTime.of(2024, 2, r, 13, 45, 30));
            ws.style(r, 5).format("yyyy-mm-dd hh:mm:ss").set();
            ws.value(r, 6, (8 + r) / 24.0);
            ws.style(r, 6).format("h:mm AM/PM").set();
            ws.value(r, 7, r == 1 ? "Ann" : "NA");
            ws.formula(r, 8, "A" + (r + 1) + "*2");
        }
        ws.value(1, 9, 3);
        ws.value(2, 9, "three");
        ws.value(4, 0, 3);
    }

    private Path everyTypeBook() {
        Path file = ExcelFiles.sheet(dir.resolve("every.xlsx"), "Data", ExcelIngestTest::everyType);
        ExcelFiles.cacheResult(file, "A2*2", "n", "2");
        ExcelFiles.cacheResult(file, "A3*2", "n", "4");
        return file;
    }

    @Test
    void cellsAreTypedAsExcelStoresThem_withBlanksMissing_andFormulasTheirSavedResult() {
        IngestFixture fx = new IngestFixture(dir);
        Table t = fx.ingest(IngestFixture.quoted(everyTypeBook()));
        assertThat(t.name()).isEqualTo("every.xlsx");
        assertThat(t.columnNames()).containsExactly("id", "price", "big", "ok", "day", "at", "clock", "name", "twice", "mixed");
        assertThat(t.types()).containsExactly(ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.LONG, ColumnType.BOOLEAN,
                ColumnType.LOCAL_DATE, ColumnType.LOCAL_DATE_TIME, ColumnType.LOCAL_TIME, ColumnType.STRING, ColumnType.INTEGER,
                ColumnType.STRING);
        assertThat(t.intColumn("id").asList()).containsExactly(1, 2, 3);
        assertThat(t.doubleColumn("price").asList()).containsExactly(1.5, 2.5, null);
        assertThat(t.longColumn("big").get(1)).isEqualTo(10_000_000_000L);
        assertThat(t.booleanColumn("ok").asList()).containsExactly(true, false, null);
        assertThat(t.dateColumn("day").asList()).containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1), null);
        assertThat(t.dateTimeColumn("at").get(1)).isEqualTo(LocalDateTime.of(2024, 2, 2, 13, 45, 30));
        assertThat(t.timeColumn("clock").asList()).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0), null);
        // "NA" is a missing-value token, as in a CSV file.
        assertThat(t.stringColumn("name").asList()).containsExactly("Ann", "", "");
        assertThat(t.intColumn("twice").asList()).containsExactly(2, 4, null);
        assertThat(t.stringColumn("mixed").asList()).containsExactly("3", "three", "");
    }

    @Test
    void sheet_byNameOrByPositionCountedFromOne_andAnUnknownOneListsTheSheets() {
        IngestFixture fx = new IngestFixture(dir);
        Path file = ExcelFiles.write(dir.resolve("book.xlsx"), book -> {
            Worksheet sales = book.newWorksheet("Sales");
            sales.value(0, 0, "region");
            sales.value(1, 0, "north");
            Worksheet costs = book.newWorksheet("Costs");
            costs.value(0, 0, "item");
            costs.value(1, 0, "rent");
            costs.value(2, 0, "power");
        });
        String book = IngestFixture.quoted(file);
        assertThat(fx.ingest(book).columnNames()).containsExactly("region");
        assertThat(fx.ingest(book + " --sheet Costs").stringColumn("item").asList()).containsExactly("rent", "power");
        assertThat(fx.ingest(book + " --sheet 2").columnNames()).containsExactly("item");
        assertThat(fx.ingest(book + " --sheet 1").columnNames()).containsExactly("region");
        assertThat(fx.error(book + " --sheet Cost")).isEqualTo("No sheet 'Cost' in book.xlsx. Did you mean 'Costs'?"
                + " Sheets: 1 'Sales', 2 'Costs' (--sheet takes a name or a position counted from 1).");
        assertThat(fx.error(book + " --sheet 3")).startsWith("No sheet '3' in book.xlsx.");
        assertThat(fx.session.table().columnNames()).containsExactly("region");
    }

    @Test
    void limitColumnsTypesAndNoHeader_applyToWorkbooksToo() {
        IngestFixture fx = new IngestFixture(dir);
        String book = IngestFixture.quoted(everyTypeBook());
        Table t = fx.ingest(book + " --limit 2 --columns name,id --types id=text");
        assertThat(t.columnNames()).containsExactly("name", "id");
        assertThat(t.stringColumn("id").asList()).containsExactly("1", "2");
        assertThat(fx.ingest(book + " --limit 0").rowCount()).isZero();
        Table raw = fx.ingest(book + " --no-header --columns C0");
        assertThat(raw.stringColumn("C0").asList()).containsExactly("id", "1", "2", "3");
        assertThat(fx.error(book + " --columns ID")).isEqualTo("No column 'ID' in --columns. Did you mean 'id'?"
                + " Columns: id, price, big, ok, day, at, clock, name, twice, mixed.");
        assertThat(fx.error(book + " --types mixed=integer")).isEqualTo("every.xlsx sheet 'Data' row 3, column 'mixed': 'three'"
                + " is not an integer. Fix the value, read the column as text with --types mixed=text, or add the token to --missing.");
    }

    @Test
    void formulaResultsOfEveryKind_areRead_andAFormulaNeverCalculatedIsRefused() {
        IngestFixture fx = new IngestFixture(dir);
        Path file = ExcelFiles.sheet(dir.resolve("formulas.xlsx"), "F", ws -> {
            ws.value(0, 0, "flag");
            ws.value(0, 1, "label");
            ws.formula(1, 0, "1=1");
            ws.formula(1, 1, "UPPER(\"ab\")");
        });
        String book = IngestFixture.quoted(file);
        assertThat(fx.error(book)).isEqualTo("formulas.xlsx sheet 'F' cell A2 holds a formula (=1=1) with no saved result:"
                + " the program that wrote the file did not calculate it. Open and save the file in Excel or LibreOffice,"
                + " which saves the results.");
        ExcelFiles.cacheResult(file, "1=1", "b", "1");
        ExcelFiles.cacheResult(file, "UPPER(\"ab\")", "str", "AB");
        Table t = fx.ingest(book);
        assertThat(t.booleanColumn("flag").asList()).containsExactly(true);
        assertThat(t.stringColumn("label").asList()).containsExactly("AB");
    }

    @Test
    void notAWorkbook_oldXls_andSheetOnOtherSources_getOneLineEach() {
        IngestFixture fx = new IngestFixture(dir);
        assertThat(fx.error(fx.write("fake.xlsx", "a,b\n1,2\n"))).isEqualTo("fake.xlsx is not an Excel workbook (an .xlsx file"
                + " is a zip archive). Check the file, or rename it to what it holds (.csv, .json).");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        assertThat(fx.error(fx.write("old.xlsx", ole2))).startsWith("old.xlsx is an old Excel workbook (.xls) or a password-protected one");
        assertThat(fx.error(fx.write("old.xls", ole2))).startsWith("'old.xls' is an old Excel workbook (.xls), which Sluice does not read;");
        assertThat(fx.error(fx.write("plain.csv", "a\n1\n") + " --sheet 2")).isEqualTo("--sheet is for Excel workbooks (.xlsx), not 'plain.csv'.");
        assertThat(fx.error("jdbc:postgresql://127.0.0.1/x --table t --sheet 2")).isEqualTo(
                "--sheet is for Excel workbooks (.xlsx), not 'jdbc:postgresql://127.0.0.1/x'.");
        Path empty = ExcelFiles.sheet(dir.resolve("empty.xlsx"), "Blank", ws -> ws.style(3, 3).bold().set());
        assertThat(fx.error(IngestFixture.quoted(empty))).isEqualTo("empty.xlsx sheet 'Blank' is empty.");
    }

    @Test
    void headerGapsAndRepeats_areNamedAsForCsv_andFormattedEmptyColumnsDropped() {
        IngestFixture fx = new IngestFixture(dir);
        Path file = ExcelFiles.sheet(dir.resolve("gaps.xlsx"), "G", ws -> {
            ws.value(1, 1, "x");
            ws.value(1, 3, "x");
            ws.value(2, 1, 1);
            ws.value(2, 2, 2);
            ws.value(2, 3, 3);
            ws.style(2, 6).bold().set();
        });
        Table t = fx.ingest(IngestFixture.quoted(file));
        assertThat(t.columnNames()).containsExactly("x", "C2", "x-2");
        assertThat(t.intColumn("C2").asList()).containsExactly(2);
    }

    @Test
    void dateFormats_areToldFromNumberFormats() {
        assertThat(ExcelDates.kind(14, null)).isEqualTo(ExcelDates.Kind.DATE);
        assertThat(ExcelDates.kind(22, null)).isEqualTo(ExcelDates.Kind.DATE);
        assertThat(ExcelDates.kind(20, null)).isEqualTo(ExcelDates.Kind.TIME);
        assertThat(ExcelDates.kind(46, null)).isEqualTo(ExcelDates.Kind.NUMBER);
        assertThat(ExcelDates.kind(0, null)).isEqualTo(ExcelDates.Kind.NUMBER);
        assertThat(ExcelDates.kind(10, null)).isEqualTo(ExcelDates.Kind.NUMBER);
        assertThat(ExcelDates.kind(null, null)).isEqualTo(ExcelDates.Kind.NUMBER);
        assertThat(ExcelDates.kind(164, "[$-409]mmm d, yyyy;@")).isEqualTo(ExcelDates.Kind.DATE);
        assertThat(ExcelDates.kind(165, "dd\\.mm\\.yyyy")).isEqualTo(ExcelDates.Kind.DATE);
        assertThat(ExcelDates.kind(166, "yyyy-mm-dd hh:mm:ss.000")).isEqualTo(ExcelDates.Kind.DATE);
        assertThat(ExcelDates.kind(167, "[Red]h:mm:ss AM/PM")).isEqualTo(ExcelDates.Kind.TIME);
        assertThat(ExcelDates.kind(168, "[h]:mm")).isEqualTo(ExcelDates.Kind.NUMBER);
        assertThat(ExcelDates.kind(169, "#,##0.00\" days\"")).isEqualTo(ExcelDates.Kind.NUMBER);
        assertThat(ExcelDates.kind(170, "0.00%")).isEqualTo(ExcelDates.Kind.NUMBER);
        assertThat(ExcelDates.kind(171, "General")).isEqualTo(ExcelDates.Kind.NUMBER);
        assertThat(ExcelDates.kind(172, "@")).isEqualTo(ExcelDates.Kind.NUMBER);
    }
}
