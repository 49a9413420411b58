package sluice.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes the workbooks the tests read, with fastexcel's writer, and gives formula cells the result Excel would save. */
final class ExcelFiles {
    private ExcelFiles() {
    }

    /** A workbook at {@code file} whose sheets the filler adds. */
    static Path write(Path file, Consumer<Workbook> sheets) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                Workbook book = new Workbook(out, "SluiceTest", "1.0");
                sheets.accept(book);
                book.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A one-sheet workbook named {@code sheet}. */
    static Path sheet(Path file, String sheet, Consumer<Worksheet> cells) {
        return write(file, book -> cells.accept(book.newWorksheet(sheet)));
    }

    /**
     * Saves {@code value} (of Excel cell type {@code type}: n, b or str) as the cached result of the cells of
     * the first sheet whose formula is {@code formula}, as Excel does when it saves; fastexcel saves none.
     */
    static void cacheResult(Path file, String formula, String type, String value) {
        cacheResult(file, 1, formula, type, value);
    }

    /** As {@link #cacheResult(Path, String, String, String)}, in the sheet at {@code position} (from 1). */
    static void cacheResult(Path file, int position, String formula, String type, String value) {
        try (FileSystem zip = FileSystems.newFileSystem(file)) {
            Path sheet = zip.getPath("xl/worksheets/sheet" + position + ".xml");
            String xml = Files.readString(sheet);
            Matcher cell = Pattern.compile("(<c r=\"[A-Z]+\\d+\"[^>]*)>(<f>" + Pattern.quote(formula) + "</f>)").matcher(xml);
            Files.writeString(sheet, cell.replaceAll("$1 t=\"" + type + "\">$2<v>" + Matcher.quoteReplacement(value) + "</v>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
