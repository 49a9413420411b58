package sluice.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;
import sluice.magic.UsageError;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * Excel cells as values, and a column typed from them as Excel stores them: numbers (integer when all
 * are whole), date-formatted numbers as dates, date-times or times, booleans, text; a formula cell
 * counts as the result Excel saved with it. Cells of different kinds in one column make it text.
 */
final class ExcelColumns {
    private static final LocalDate BEFORE_DAY_ONE = LocalDate.of(1900, 1, 1);

    private ExcelColumns() {
    }

    /** A row's cells by column position: null (empty), BigDecimal, Boolean, String, LocalDate(Time) or LocalTime. */
    static List<Object> values(Row row, String where) {
        List<Object> values = new ArrayList<>(row.getCellCount());
        for (int c = 0; c < row.getCellCount(); c++) {
            values.add(row.hasCell(c) ? value(row.getCell(c), where) : null);
        }
        return values;
    }

    private static Object value(Cell cell, String where) {
        switch (cell.getType()) {
            case EMPTY:
                return null;
            case BOOLEAN:
            case STRING:
                return cell.getValue();
            case ERROR:
                return cell.getRawValue();
            case NUMBER:
                return number(cell);
            default:
                // A formula: what Excel saved as its last result, typed by the value the reader found.
                if (cell.getRawValue() == null) {
                    throw new UsageError(where + " cell " + cell.getAddress() + " holds a formula (=" + cell.getFormula()
                            + ") with no saved result: the program that wrote the file did not calculate it."
                            + " Open and save the file in Excel or LibreOffice, which saves the results.");
                }
                Object value = cell.getValue();
                return value instanceof BigDecimal ? number(cell) : value;
        }
    }

    private static Object number(Cell cell) {
        if (cell.getValue() == null) {
            return null;
        }
        ExcelDates.Kind kind = ExcelDates.kind(cell.getDataFormatId(), cell.getDataFormatString());
        if (kind == ExcelDates.Kind.NUMBER) {
            return cell.getValue();
        }
        LocalDateTime at = cell.asDate();
        if (kind == ExcelDates.Kind.TIME && at.toLocalDate().isBefore(BEFORE_DAY_ONE)) {
            return at.toLocalTime();
        }
        return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate() : at;
    }

    /** A value as text: whole numbers without ".0", dates in ISO form, booleans as true/false. */
    static String text(Object value) {
        if (value instanceof BigDecimal number) {
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /**
     * Column {@code c} of the data rows.
     * @param given the type the user fixed with --types, or null
     * @param lines each data row's row number in the sheet, for messages
     */
    static Column<?> column(String name, int c, List<List<Object>> rows, List<Integer> lines, ColumnType given,
                            CsvCells cells, String where) {
        List<Object> values = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Object value = c < row.size() ? row.get(c) : null;
            values.add(value instanceof String s && cells.parser(ColumnType.STRING).isMissing(s) ? null : value);
        }
        if (given != null) {
            List<String> texts = values.stream().map(v -> v == null ? "" : text(v)).toList();
            try {
                return ColumnInference.build(name, texts, given, true, cells);
            } catch (ColumnInference.BadValue bad) {
                throw ReadErrors.badValue(where + " row " + lines.get(bad.index), name, bad.value, cells.describe(bad.type));
            }
        }
        Class<?> kind = null;
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            Class<?> here = value.getClass();
            if (kind == null) {
                kind = here;
            } else if (kind != here) {
                if (!isDate(kind) || !isDate(here)) {
                    kind = String.class;
                    break;
                }
                kind = LocalDateTime.class;
            }
        }
        return typed(name, values, kind);
    }

    private static boolean isDate(Class<?> kind) {
        return kind == LocalDate.class || kind == LocalDateTime.class;
    }

    private static Column<?> typed(String name, List<Object> values, Class<?> kind) {
        if (kind == BigDecimal.class) {
            return numbers(name, values);
        }
        Column<?> column = kind == Boolean.class ? BooleanColumn.create(name)
                : kind == LocalDate.class ? DateColumn.create(name)
                : kind == LocalDateTime.class ? DateTimeColumn.create(name)
                : kind == LocalTime.class ? TimeColumn.create(name)
                : StringColumn.create(name);
        for (Object value : values) {
            if (value == null) {
                column.appendMissing();
            } else if (column instanceof StringColumn text) {
                text.append(text(value));
            } else if (value instanceof LocalDate date && column instanceof DateTimeColumn) {
                column.appendObj(date.atStartOfDay());
            } else {
                column.appendObj(value);
            }
        }
        return column;
    }

    /** Integer when every number is whole and fits (Integer.MIN_VALUE and Long.MIN_VALUE mean missing there), else decimal. */
    private static Column<?> numbers(String name, List<Object> values) {
        boolean whole = true;
        boolean fitsInt = true;
        for (Object value : values) {
            if (value != null) {
                BigDecimal number = (BigDecimal) value;
                if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
                    whole = false;
                    break;
                }
                if (number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) <= 0 || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                    fitsInt = false;
                    whole &= number.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) > 0 && number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
                }
            }
        }
        Column<?> column = !whole ? DoubleColumn.create(name) : fitsInt ? IntColumn.create(name) : LongColumn.create(name);
        for (Object value : values) {
            BigDecimal number = (BigDecimal) value;
            if (number == null) {
                column.appendMissing();
            } else if (column instanceof IntColumn ints) {
                ints.append(number.intValueExact());
            } else if (column instanceof LongColumn longs) {
                longs.append(number.longValueExact());
            } else {
                ((DoubleColumn) column).append(number.doubleValue());
            }
        }
        return column;
    }
}
