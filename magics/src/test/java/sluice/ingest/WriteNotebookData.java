package sluice.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.dhatim.fastexcel.Worksheet;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes notebooks/data/penguins.parquet and penguins.xlsx from penguins.csv, for the notebook and the
 * kernel tests (Debian's Python has neither pyarrow nor openpyxl to write them). Run from the repository:
 * <pre>
 * mvn -o -q -B -pl magics test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp magics/target/test-classes:magics/target/classes:$(cat /tmp/cp.txt) sluice.ingest.WriteNotebookData notebooks/data
 * </pre>
 * The workbook's first sheet holds the same rows (NA as empty cells); a second sheet, "summary", counts
 * and averages them per species with formulas, saved with their results as Excel saves them.
 */
public final class WriteNotebookData {
    private static final String SCHEMA = """
            message penguins {
              optional binary species (STRING);
              optional binary island (STRING);
              optional double bill_length_mm;
              optional double bill_depth_mm;
              optional int32 flipper_length_mm;
              optional int32 body_mass_g;
              optional binary sex (STRING);
              optional int32 year;
            }""";

    private WriteNotebookData() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "notebooks/data");
        Table penguins = new IngestFixture(data).ingest(IngestFixture.quoted(data.resolve("penguins.csv")));
        ParquetFiles.write(data.resolve("penguins.parquet"), SCHEMA, CompressionCodecName.SNAPPY, 1_000_000, rows(penguins));
        Path book = ExcelFiles.write(data.resolve("penguins.xlsx"), workbook -> {
            sheet(workbook.newWorksheet("penguins"), penguins);
            summary(workbook.newWorksheet("summary"), penguins);
        });
        List<String> species = penguins.stringColumn("species").unique().asList().stream().sorted().toList();
        for (int i = 0; i < species.size(); i++) {
            Table some = penguins.where(penguins.stringColumn("species").isEqualTo(species.get(i)));
            ExcelFiles.cacheResult(book, 2, countFormula(i + 2), "n", Integer.toString(some.rowCount()));
            ExcelFiles.cacheResult(book, 2, meanFormula(i + 2), "n",
                    Double.toString(some.intColumn("body_mass_g").mean()));
        }
        System.out.println("wrote " + data.resolve("penguins.parquet") + " and " + book);
    }

    private static List<Consumer<Group>> rows(Table penguins) {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int r = 0; r < penguins.rowCount(); r++) {
            int row = r;
            rows.add(g -> {
                for (Column<?> column : penguins.columns()) {
                    if (column.isMissing(row)) {
                        continue;
                    }
                    if (column.type() == ColumnType.STRING) {
                        g.append(column.name(), penguins.stringColumn(column.name()).get(row));
                    } else if (column.type() == ColumnType.DOUBLE) {
                        g.append(column.name(), penguins.doubleColumn(column.name()).get(row));
                    } else {
                        g.append(column.name(), penguins.intColumn(column.name()).get(row));
                    }
                }
            });
        }
        return rows;
    }

    private static void sheet(Worksheet ws, Table penguins) {
        for (int c = 0; c < penguins.columnCount(); c++) {
            Column<?> column = penguins.column(c);
            ws.value(0, c, column.name());
            for (int r = 0; r < penguins.rowCount(); r++) {
                if (column.isMissing(r)) {
                    continue;
                }
                if (column instanceof NumericColumn<?> numbers) {
                    ws.value(r + 1, c, column.type() == ColumnType.DOUBLE ? numbers.getDouble(r) : (Number) (int) numbers.getDouble(r));
                } else {
                    ws.value(r + 1, c, column.getString(r));
                }
            }
        }
    }

    private static void summary(Worksheet ws, Table penguins) {
        ws.value(0, 0, "species");
        ws.value(0, 1, "penguins");
        ws.value(0, 2, "mean_body_mass_g");
        List<String> species = penguins.stringColumn("species").unique().asList().stream().sorted().toList();
        for (int i = 0; i < species.size(); i++) {
            ws.value(i + 1, 0, species.get(i));
            ws.formula(i + 1, 1, countFormula(i + 2));
            ws.formula(i + 1, 2, meanFormula(i + 2));
        }
    }

    private static String countFormula(int row) {
        return "COUNTIF(penguins!A:A,A" + row + ")";
    }

    private static String meanFormula(int row) {
        return "AVERAGEIF(penguins!A:A,A" + row + ",penguins!F:F)";
    }
}
