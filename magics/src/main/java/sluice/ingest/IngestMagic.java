package sluice.ingest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sluice.magic.Magic;
import sluice.magic.UsageError;
import sluice.progress.Progress;
import sluice.session.Provenance;
import sluice.session.Session;
import tech.tablesaw.api.Table;

/**
 * {@code %ingest SOURCE [--as NAME] [options]}: reads a CSV/TSV/JSON/Parquet/Excel file, a folder or glob
 * of them, an http(s) URL or a JDBC query into the session's current table.
 */
@Command(name = "ingest", description = "Read a file, folder, glob, URL or database query into the current table.",
        // picocli formats help text, so %% prints as %.
        footer = {"", "Examples:", "  %%ingest data/penguins.csv",
                "  %%ingest 'logs/*.csv.gz' --as logs",
                "  %%ingest jdbc:postgresql://127.0.0.1:5432/test --table sales --limit 1000",
                "  %%ingest lake/trips/ --columns pickup,fare      (a folder of .parquet files)",
                "  %%ingest lake/sales/                           (year=2024/region=north/… folders: year, region become columns)",
                "  %%ingest budget.xlsx --sheet Costs              (--sheet 2: the second sheet)",
                "  %%ingest jdbc:mariadb://127.0.0.1:3306/test --query \"SELECT * FROM orders WHERE year = 2024\"",
                "  %%ingest jdbc:sqlite:data/shop.db --table sales",
                "  %%ingest euro.csv --sep ';' --decimal , --thousands . --date-format dd.MM.yyyy",
                "", "Drivers inside: PostgreSQL (jdbc:postgresql:), MariaDB and MySQL (jdbc:mariadb:, jdbc:mysql:), SQLite (jdbc:sqlite:FILE);",
                "any other from the kernel's classpath. Passwords come from --password-prompt, --password-env VAR or the database's own places:",
                "PGPASSWORD or ~/.pgpass; MYSQL_PWD or ~/.my.cnf's [client] section."})
public final class IngestMagic implements Magic {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "A file (CSV, TSV, JSON, Parquet, .xlsx), folder, glob, http(s) URL or jdbc: URL.")
    String source;

    @Option(names = "--as", paramLabel = "NAME", description = "Also keep the table under this name: table(\"NAME\").")
    String name;

    @Option(names = "--sep", paramLabel = "CHAR", description = "Field separator (default: detected). 'tab' or '\\t' for tabs.")
    String separator;

    @ArgGroup
    HeaderRow headerRow;

    /** Whether the first row holds the column names; detected when neither is given. */
    static final class HeaderRow {
        @Option(names = "--header", description = "The first row holds column names (default: detected).")
        boolean header;

        @Option(names = "--no-header", description = "The first row is data, not column names (default: detected).")
        boolean noHeader;
    }

    @Option(names = "--missing", paramLabel = "TOKENS", description = "More comma-separated tokens meaning missing, besides empty, NA, NaN, null.")
    String missing;

    @Option(names = "--types", split = ",", paramLabel = "COL=TYPE", description = "Fix column types: integer, decimal, boolean, date, date-time, text.")
    LinkedHashMap<String, String> types;

    @Option(names = "--limit", paramLabel = "N", description = "Read only the first N rows.")
    Integer limit;

    @Mixin
    JdbcOptions jdbc;

    @Option(names = "--columns", paramLabel = "A,B,…", description = "Keep only these columns, in this order (Parquet and databases read no others).")
    String columns;

    @Option(names = "--sheet", paramLabel = "NAME|N", description = "For an Excel workbook (.xlsx), the sheet by name or by position counted from 1 (default: the first).")
    String sheet;

    // how text files write numbers, dates and characters
    @Option(names = "--decimal", paramLabel = "CHAR", description = "Decimal mark: . or , (1.234,56 with --thousands .)."
            + " Without it, a column of integers and numbers with one comma reads as decimals when some comma cannot"
            + " group thousands (123,45; 1,5), and is refused when each could (1,234: 1234 or 1.234?); 1,234,567 stays text.")
    String decimal;

    @Option(names = "--thousands", paramLabel = "CHAR", description = "Thousands separator: . , ' or ' ' (a space); groups of three only (default: none, and a comma is never dropped).")
    String thousands;

    @Option(names = "--date-format", paramLabel = "PATTERN", description = "java.time pattern such as dd.MM.yyyy or"
            + " MM/dd/yyyy HH:mm. A column with a value it reads is read by it, and every other value of that column must"
            + " match. Without it, 2024-01-31, 2024/01/31, 31.01.2024 and 31-Jan-2024 (with an optional time) are dates;"
            + " 03/04/2024 stays text, with a note.")
    String dateFormat;

    @Option(names = "--encoding", paramLabel = "NAME", description = "Text encoding such as UTF-8, windows-1252, ISO-8859-1, UTF-16 (default: a byte-order mark, else UTF-8, else windows-1252).")
    String encoding;

    /** For where no one can answer a prompt: --password-prompt is one line of error there. */
    public static final UnaryOperator<String> NO_PROMPT = prompt -> {
        throw new UsageError("--password-prompt needs a notebook to ask in; use --password-env VAR here.");
    };

    private final Session session;
    private final PrintStream progress;
    private final UnaryOperator<String> askPassword;

    /**
     * @param progress    where a progress line goes for reads over a second (the cell's stderr)
     * @param askPassword asks the notebook's user for a password, the prompt given; throws a UsageError where no one can answer
     */
    public IngestMagic(Session session, PrintStream progress, UnaryOperator<String> askPassword) {
        this.session = session;
        this.progress = progress;
        this.askPassword = askPassword;
    }

    public IngestMagic(Session session, UnaryOperator<String> askPassword) {
        this(session, System.err, askPassword);
    }

    public IngestMagic(Session session, PrintStream progress) {
        this(session, progress, NO_PROMPT);
    }

    public IngestMagic(Session session) {
        this(session, NO_PROMPT);
    }

    @Override
    public Object run(String body) throws Exception {
        IngestOptions options = options();
        long start = System.nanoTime();
        Table result;
        Set<String> notes = new LinkedHashSet<>();
        Provenance.Source fingerprint;
        double seconds;
        try (Fingerprints.Pending pending = Fingerprints.start(options);
             Progress shown = new Progress("reading " + Sources.describe(options), progress)) {
            result = Sources.read(options, shown, notes);
            fingerprint = pending.of(result, name);
            seconds = (System.nanoTime() - start) / 1e9;
        }
        if (name != null) {
            session.setTable(name, result);
        } else {
            session.setTable(result);
        }
        session.provenance().ingested(fingerprint);
        return new IngestReport(Sources.describe(options), result, seconds, name, fingerprint, List.copyOf(notes));
    }

    IngestOptions options() {
        if (limit != null && limit < 0) {
            throw new UsageError("--limit must be 0 or more, not " + limit + ".");
        }
        jdbc.check(source);
        if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new UsageError("--as needs a simple name (letters, digits, _ . -), not '" + name + "'.");
        }
        checkFormatOptions();
        Character sep = separator();
        Map<String, String> typeMap = new LinkedHashMap<>();
        if (types != null) {
            types.forEach((column, type) -> typeMap.put(column.strip(), type.strip()));
        }
        List<String> columnList = columnList();
        Character decimalMark = mark("--decimal", decimal, ".,", sep);
        Character thousandsMark = mark("--thousands", thousands, ".,' ", sep);
        String dates = dateFormat();
        String charset = encoding();
        // Asked last, so that a mistake in any other option is reported before anyone types a password.
        return new IngestOptions(source, sep, headerRow == null ? null : headerRow.header, list(missing), typeMap, limit,
                jdbc.query(), jdbc.table(), jdbc.passwordEnv(), password(), columnList, sheet, decimalMark, thousandsMark, dates, charset);
    }

    /** The password asked for with --password-prompt, once every other option is known to be right; else null. */
    private String password() {
        if (!jdbc.passwordPrompt()) {
            return null;
        }
        String password = askPassword.apply("Password for " + Secrets.mask(source) + ": ");
        if (password == null) {
            throw new UsageError("No password was typed; run the cell again to be asked once more.");
        }
        return password;
    }

    /** One character among {@code allowed}, unlike the separator and (for --thousands) the decimal mark. */
    private Character mark(String option, String value, String allowed, Character sep) {
        if (value == null) {
            return null;
        }
        String given = value.equals("space") ? " " : value;
        if (given.length() != 1 || allowed.indexOf(given.charAt(0)) < 0) {
            throw new UsageError(option + " takes one of " + String.join(" ", allowed.replace(" ", "").split(""))
                    + (allowed.contains(" ") ? " or ' '" : "") + ", not '" + value + "'.");
        }
        char c = given.charAt(0);
        if (sep != null && c == sep) {
            throw new UsageError(option + " '" + c + "' is also the separator (--sep): the two must differ.");
        }
        char decimalMark = decimal == null ? '.' : decimal.charAt(0);
        if (option.equals("--thousands") && c == decimalMark) {
            throw new UsageError("--thousands '" + c + "' is also the decimal mark" + (decimal == null ? " (. unless --decimal says otherwise)" : "")
                    + ": the two must differ, e.g. --decimal , --thousands .");
        }
        return c;
    }

    private String dateFormat() {
        if (dateFormat != null) {
            DateFormats.compile(dateFormat);
        }
        return dateFormat;
    }

    private String encoding() {
        if (encoding != null) {
            TextInput.charset(encoding);
        }
        return encoding;
    }

    /** --columns and --sheet; whether the source is an Excel workbook is known only once its files are found. */
    private void checkFormatOptions() {
        if (sheet != null && source.startsWith("jdbc:")) {
            throw new UsageError("--sheet is for Excel workbooks (.xlsx), not '" + Secrets.mask(source) + "'.");
        }
        if (sheet != null && sheet.isBlank()) {
            throw new UsageError("--sheet needs a sheet name or its position counted from 1, e.g. --sheet 2.");
        }
    }

    private List<String> columnList() {
        List<String> names = list(columns);
        if (columns != null && (names.isEmpty() || names.contains(""))) {
            throw new UsageError("--columns takes column names separated by commas, e.g. --columns species,body_mass_g; not '" + columns + "'.");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.subList(0, i).contains(names.get(i))) {
                throw new UsageError("--columns names '" + names.get(i) + "' twice; give each column once.");
            }
        }
        return names;
    }

    private Character separator() {
        if (separator == null) {
            return null;
        }
        String s = separator.equals("tab") || separator.equals("\\t") ? "\t" : separator;
        if (s.length() != 1) {
            throw new UsageError("--sep takes one character (or 'tab'), not '" + separator + "'.");
        }
        return s.charAt(0);
    }

    private static List<String> list(String csv) {
        List<String> items = new ArrayList<>();
        if (csv != null) {
            for (String item : csv.split(",")) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
