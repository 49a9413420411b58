package sluice.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import sluice.magic.DidYouMean;
import sluice.magic.UsageError;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * An Excel workbook (.xlsx, .xlsm), streamed by fastexcel-reader: one sheet (the first, or {@code --sheet}
 * by name or 1-based position), its first non-empty row as the header unless {@code --no-header}, wholly
 * empty rows skipped, and each column typed from the cells as Excel stores them ({@link ExcelColumns}).
 */
final class ExcelSource {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private ExcelSource() {
    }

    /** @param name a lower-case file name */
    static boolean isWorkbook(String name) {
        return name.endsWith(".xlsx") || name.endsWith(".xlsm");
    }

    static Table read(Path file, IngestOptions options) throws IOException {
        String name = file.getFileName().toString();
        if (options.separator() != null) {
            throw new UsageError("--sep is for delimited text; " + name + " is an Excel workbook, whose cells need no separator.");
        }
        checkSignature(file, name);
        try (ReadableWorkbook book = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            Sheet sheet = choose(book.getSheets().toList(), options.sheet(), name);
            String where = name + " sheet '" + sheet.getName() + "'";
            boolean header = options.header() == null || options.header();
            long wanted = options.limit() == null ? Long.MAX_VALUE : options.limit() + (header ? 1L : 0L);
            List<List<Object>> rows = new ArrayList<>();
            List<Integer> rowNumbers = new ArrayList<>();
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    if (rows.size() >= wanted) {
                        break;
                    }
                    List<Object> values = ExcelColumns.values(row, where);
                    if (values.stream().anyMatch(v -> v != null)) {
                        rows.add(values);
                        rowNumbers.add(row.getRowNum());
                    }
                }
            }
            if (rows.isEmpty()) {
                throw new UsageError(where + " is empty." + (book.getSheets().count() > 1 ? " Choose another with --sheet." : ""));
            }
            int width = rows.stream().mapToInt(List::size).max().orElse(0);
            List<String> columns = names(header ? rows.get(0) : List.of(), width);
            List<List<Object>> data = header ? rows.subList(1, rows.size()) : rows;
            List<Integer> lines = header ? rowNumbers.subList(1, rowNumbers.size()) : rowNumbers;
            Map<String, ColumnType> userTypes = ColumnTypes.resolve(options.types(), columns);
            CsvCells cells = CsvCells.utf8(options.missingTokens());
            Table table = Table.create(name);
            for (int c = 0; c < columns.size(); c++) {
                Column<?> column = ExcelColumns.column(columns.get(c), c, data, lines, userTypes.get(columns.get(c)), cells, where);
                boolean unnamed = !header || c >= rows.get(0).size() || rows.get(0).get(c) == null;
                // Columns with neither a header nor a value are only cells with formatting, not data.
                if (!(unnamed && column.countMissing() == column.size() && !userTypes.containsKey(columns.get(c)))) {
                    table.addColumns(column);
                }
            }
            return table;
        } catch (Exception e) {
            // The XML parser's errors (XMLStreamException) reach here undeclared, through the row stream.
            if (e instanceof ExcelReaderException || e instanceof UncheckedIOException || e instanceof XMLStreamException) {
                throw new UsageError(name + " could not be read as an Excel workbook: " + e.getMessage().replaceAll("\\s+", " ").strip()
                        + ". Open and save it again in Excel or LibreOffice, or export the sheet to CSV.");
            }
            throw e;
        }
    }

    /** The header's text, "C" + position where a header cell is empty, and "-2" after a repeated name, as for CSV. */
    private static List<String> names(List<Object> header, int width) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < width; i++) {
            Object cell = i < header.size() ? header.get(i) : null;
            String text = cell == null ? "" : ExcelColumns.text(cell).strip();
            String name = text.isEmpty() ? "C" + i : text;
            int count = seen.merge(name.toLowerCase(), 1, Integer::sum);
            names.add(count == 1 ? name : name + "-" + count);
        }
        return names;
    }

    /** The sheet {@code --sheet} names: a sheet's exact name first, else a position counted from 1. */
    static Sheet choose(List<Sheet> sheets, String asked, String file) {
        if (asked == null) {
            return sheets.get(0);
        }
        Optional<Sheet> named = sheets.stream().filter(s -> s.getName().equals(asked)).findFirst();
        if (named.isPresent()) {
            return named.get();
        }
        if (asked.matches("\\d{1,9}")) {
            int position = Integer.parseInt(asked);
            if (position >= 1 && position <= sheets.size()) {
                return sheets.get(position - 1);
            }
        }
        List<String> names = sheets.stream().map(Sheet::getName).toList();
        String listed = java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> (i + 1) + " '" + names.get(i) + "'").collect(Collectors.joining(", "));
        throw new UsageError("No sheet '" + asked + "' in " + file + "." + DidYouMean.hint(asked, names, "")
                + " Sheets: " + listed + " (--sheet takes a name or a position counted from 1).");
    }

    /** An .xlsx file is a zip archive; an old .xls (or an encrypted workbook) is an OLE2 file. */
    private static void checkSignature(Path file, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (Arrays.equals(head, OLE2)) {
            throw new UsageError(name + " is an old Excel workbook (.xls) or a password-protected one, which Sluice does not read;"
                    + " save it as an unprotected .xlsx (Excel or LibreOffice: Save As) or export the sheet to CSV.");
        }
        if (!Arrays.equals(head, ZIP)) {
            throw new UsageError(name + " is not an Excel workbook (an .xlsx file is a zip archive)."
                    + " Check the file, or rename it to what it holds (.csv, .json).");
        }
    }
}
