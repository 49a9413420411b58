package sluice.deploy;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code text/csv} body: a header of the model's raw input columns, in any order, then one row per
 * line. The header must name every input once and nothing else; an empty cell is a missing value.
 */
final class CsvRows implements BatchRows {
    /** Wider than any real value, so a runaway quote is refused rather than read into memory. */
    private static final int MAX_CELL = 1 << 16;

    private final Served served;
    private final CsvParser parser;
    /** For each column of the header, the index of its field in {@link Served#fields()}. */
    private final int[] fieldOf;
    /** The line the row just read ends on (a quoted value may hold line breaks), and the one the row before ended on. */
    private long line;
    private long previous;

    CsvRows(InputStream body, Charset charset, Served served) {
        this.served = served;
        CsvParserSettings settings = new CsvParserSettings();
        // Univocity reads ahead on a thread of its own by default; that thread would outlive a refused
        // request and read the body of the next one on the same connection (a servlet stream is reused).
        settings.setReadInputOnSeparateThread(false);
        settings.setLineSeparatorDetectionEnabled(true);
        // A blank line is the row "missing" of a one-input model, which must be answered, not skipped;
        // with more inputs it cannot be a row, and is skipped as a stray line.
        settings.setSkipEmptyLines(served.fields().size() > 1);
        settings.setMaxCharsPerColumn(MAX_CELL);
        settings.setMaxColumns(Math.max(512, 4 * served.fields().size()));
        this.parser = new CsvParser(settings);
        parser.beginParsing(body, charset);
        String[] header = read();
        if (header == null) {
            throw BadRequest.at("body", "empty; send a header line of the raw columns (" + served.names()
                    + "), then one line per row");
        }
        this.fieldOf = fields(header);
    }

    private int[] fields(String[] header) {
        List<Served.Field> fields = served.fields();
        int[] fieldOf = new int[header.length];
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c];
            if (name == null) {
                throw BadRequest.atLine(line, null, "column " + (c + 1) + " of the header has no name; the header takes "
                        + served.names());
            }
            fieldOf[c] = served.indexOf(name);
            if (fieldOf[c] < 0) {
                throw BadRequest.atLine(line, name, "not an input of this model; the header takes " + served.names()
                        + " (GET /schema lists them)");
            }
            if (!seen.add(name)) {
                throw BadRequest.atLine(line, name, "named twice in the header");
            }
        }
        for (Served.Field field : fields) {
            if (!seen.contains(field.name())) {
                throw BadRequest.atLine(line, field.name(), "missing from the header, which needs " + served.names());
            }
        }
        return fieldOf;
    }

    @Override
    public boolean next(RequestTable table) {
        String[] row = read();
        if (row == null) {
            return false;
        }
        if (row.length != fieldOf.length) {
            String missing = row.length < fieldOf.length ? served.fields().get(fieldOf[row.length]).name() : null;
            String quote = line > previous + 1 ? " (the row runs over lines " + (previous + 1) + " to " + line
                    + ": is a quote left open?)" : "";
            throw BadRequest.atLine(line, missing, "expected " + fieldOf.length + " values, as in the header, got "
                    + row.length + quote);
        }
        for (int c = 0; c < row.length; c++) {
            Served.Field field = served.fields().get(fieldOf[c]);
            try {
                Values.appendCell(table.input(fieldOf[c]), field, row[c]);
            } catch (Values.Rejected e) {
                throw BadRequest.atLine(line, field.name(), e.getMessage());
            }
        }
        return true;
    }

    @Override
    public long line() {
        return line;
    }

    private String[] read() {
        try {
            previous = line;
            String[] row = parser.parseNext();
            line = parser.getContext().currentLine();
            return row;
        } catch (TextParsingException e) {
            throw BadRequest.atLine(e.getLineIndex() + 1, null, "not readable as CSV (a value over " + MAX_CELL
                    + " characters, or a quote left open?)");
        }
    }
}
