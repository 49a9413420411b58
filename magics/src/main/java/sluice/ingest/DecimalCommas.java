package sluice.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sluice.magic.UsageError;
import tech.tablesaw.api.ColumnType;

/**
 * The rule for numbers written with a comma when the user named no {@code --decimal} or
 * {@code --thousands}: a column whose values are all integers or digits with one comma reads as
 * decimals when some comma cannot be a thousands separator (123,45; 1,5; 0,250; 1234,5), and is
 * refused when every comma could be either (1,234), since 1234 and 1.234 are both plausible.
 * Decimal commas in one column and decimal points in another are refused too.
 */
final class DecimalCommas {
    private DecimalCommas() {
    }

    /** The columns to read with decimal commas (none: read as usual), or a usage error. */
    static List<String> columns(Path file, List<String> names, TypeGuess[] guesses, Map<String, ColumnType> userTypes,
                                CsvCells cells) {
        List<String> commas = new ArrayList<>();
        if (!cells.commaCheck) {
            return commas;
        }
        String point = null;
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            if (userTypes.containsKey(name)) {
                continue;
            }
            int verdict = guesses[c].commaVerdict();
            if (verdict == TypeGuess.AMBIGUOUS_COMMA) {
                throw ambiguous("'" + file.getFileName() + "' column '" + name + "'", name, guesses[c]);
            }
            if (verdict == TypeGuess.DECIMAL_COMMA) {
                commas.add(name);
            } else if (point == null && guesses[c].hasPoint() && guesses[c].type() == ColumnType.DOUBLE) {
                point = name;
            }
        }
        if (!commas.isEmpty() && point != null) {
            int c = names.indexOf(commas.get(0));
            throw new UsageError("'" + file.getFileName() + "': column '" + commas.get(0) + "' has decimal commas (like '"
                    + guesses[c].commaExample(TypeGuess.DECIMAL_COMMA) + "') but column '" + point
                    + "' decimal points. Say which with --decimal , or --decimal . (a column written the other way reads as text).");
        }
        return commas;
    }

    /** Refuses a column typed from all its values (after the sample) that holds comma numbers. */
    static void check(String name, TypeGuess guess, CsvCells cells) {
        if (!cells.commaCheck || guess.commaVerdict() == 0) {
            return;
        }
        if (guess.commaVerdict() == TypeGuess.AMBIGUOUS_COMMA) {
            throw ambiguous("Column '" + name + "'", name, guess);
        }
        throw new UsageError("Column '" + name + "' holds decimal commas (like '" + guess.commaExample(TypeGuess.DECIMAL_COMMA)
                + "') past the first rows, which set the types. Give --decimal , to read them as decimals.");
    }

    private static UsageError ambiguous(String where, String name, TypeGuess guess) {
        String example = guess.commaExample(TypeGuess.AMBIGUOUS_COMMA);
        return new UsageError(where + ": values like '" + example + "' could be " + example.replace(",", "")
                + " (thousands) or " + example.replace(',', '.') + " (decimal comma). Give --thousands , or --decimal ,"
                + " (or --types " + name + "=text to keep the text).");
    }
}
