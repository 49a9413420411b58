package sluice.ingest;

import java.util.regex.Pattern;
import sluice.magic.UsageError;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.io.ReadOptions;

/**
 * How a file writes its numbers: the decimal mark and the thousands separator ({@code --decimal},
 * {@code --thousands}, as pandas' {@code decimal=} and {@code thousands=}). Tablesaw's number parsers
 * drop every comma, so {@code 123,45} would read as 12345; here a number's text is first put in plain
 * form by the file's convention ({@code 1.234,56} → {@code 1234.56}, its groups of three checked),
 * and a mark the convention does not explain makes the value no number at all.
 *
 * @param decimal   the decimal mark, '.' or ','
 * @param thousands the thousands separator, or null for none
 */
record Numerals(char decimal, Character thousands) {
    /** Numbers as Java and most files write them: a decimal point, no thousands separator. */
    static final Numerals PLAIN = new Numerals('.', null);
    private static final Pattern COMMA_NUMBER = Pattern.compile(
            "[+-]?(\\d+|\\d{1,3}([. ']\\d{3})+),\\d+|[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    Numerals {
        if (decimal != '.' && decimal != ',') {
            throw new UsageError("--decimal takes '.' or ',', not '" + decimal + "'.");
        }
        if (thousands != null && thousands == decimal) {
            throw new UsageError("--decimal and --thousands are both '" + decimal + "'; a number needs two different marks.");
        }
    }

    /** Whether plain numbers ({@code [+-]digits[.digits]}) mean what they say, so bytes may be parsed directly. */
    boolean plainPoint() {
        return decimal == '.';
    }

    /** The plain form of a number written this way, or null when the text cannot be one. */
    String plain(String text) {
        if (decimal == '.' && thousands == null) {
            return text.indexOf(',') >= 0 ? null : text;
        }
        int mark = text.indexOf(decimal);
        if (mark >= 0 && text.indexOf(decimal, mark + 1) >= 0) {
            return null;
        }
        String whole = mark < 0 ? text : text.substring(0, mark);
        String fraction = mark < 0 ? "" : text.substring(mark + 1);
        if (thousands != null && whole.indexOf(thousands) >= 0) {
            String separator = Pattern.quote(String.valueOf(thousands));
            if (!whole.matches("[+-]?\\d{1,3}(" + separator + "\\d{3})+")) {
                return null;
            }
            whole = whole.replace(String.valueOf(thousands), "");
        }
        if (hasMark(whole) || hasMark(fraction)) {
            return null;
        }
        return mark < 0 ? whole : whole + "." + fraction;
    }

    private static boolean hasMark(String part) {
        return part.indexOf('.') >= 0 || part.indexOf(',') >= 0;
    }

    /** Tablesaw's parser for {@code type}, reading numbers by this convention. */
    AbstractColumnParser<?> parser(ColumnType type, ReadOptions options) {
        AbstractColumnParser<?> tablesaw = type.customParser(options);
        boolean number = type == ColumnType.INTEGER || type == ColumnType.LONG || type == ColumnType.DOUBLE
                || type == ColumnType.FLOAT || type == ColumnType.SHORT;
        return number ? new Strict<>(tablesaw, this) : tablesaw;
    }

    /**
     * A usage error when text column {@code column}, whose type no one fixed, holds only numbers written
     * with a comma: decimal commas or comma thousands, which this convention does not read and Sluice
     * will not guess between.
     */
    void refuseCommaNumbers(StringColumn column) {
        if (decimal == ',' || (thousands != null && thousands == ',')) {
            return;
        }
        boolean commas = false;
        for (String value : column.unique()) {
            if (value.isEmpty()) {
                continue;
            }
            if (COMMA_NUMBER.matcher(value).matches()) {
                commas = true;
            } else if (!INTEGER.matcher(value).matches()) {
                return;
            }
        }
        if (commas) {
            String example = column.asList().stream().filter(v -> COMMA_NUMBER.matcher(v).matches()).findFirst().orElseThrow();
            throw new UsageError("Column '" + column.name() + "' holds numbers written with a comma (e.g. '" + example
                    + "'), which Sluice does not guess at: give --decimal , for decimal commas (1.234,56), or "
                    + "--thousands , for comma thousands (1,234.56), or --types " + column.name() + "=text to keep the text.");
        }
    }

    /** A number parser that first puts the text in plain form. */
    private static final class Strict<T> extends AbstractColumnParser<T> {
        private final AbstractColumnParser<T> tablesaw;
        private final Numerals numerals;

        @SuppressWarnings("unchecked")
        Strict(AbstractColumnParser<?> tablesaw, Numerals numerals) {
            super(tablesaw.columnType());
            this.tablesaw = (AbstractColumnParser<T>) tablesaw;
            this.numerals = numerals;
        }

        private String plain(String text) {
            if (tablesaw.isMissing(text)) {
                return text;
            }
            String plain = numerals.plain(text);
            if (plain == null) {
                throw new NumberFormatException("not a number as this file writes them: '" + text + "'");
            }
            return plain;
        }

        @Override
        public boolean isMissing(String text) {
            return tablesaw.isMissing(text);
        }

        @Override
        public boolean canParse(String text) {
            if (tablesaw.isMissing(text)) {
                return tablesaw.canParse(text);
            }
            String plain = numerals.plain(text);
            return plain != null && tablesaw.canParse(plain);
        }

        @Override
        public T parse(String text) {
            return tablesaw.parse(plain(text));
        }

        @Override
        public int parseInt(String text) {
            return tablesaw.parseInt(plain(text));
        }

        @Override
        public long parseLong(String text) {
            return tablesaw.parseLong(plain(text));
        }

        @Override
        public short parseShort(String text) {
            return tablesaw.parseShort(plain(text));
        }

        @Override
        public double parseDouble(String text) {
            return tablesaw.parseDouble(plain(text));
        }

        @Override
        public float parseFloat(String text) {
            return tablesaw.parseFloat(plain(text));
        }
    }
}
