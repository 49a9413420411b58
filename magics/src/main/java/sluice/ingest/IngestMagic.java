package sluice.ingest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
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
                "  %%ingest budget.xlsx --sheet Costs              (--sheet 2: the second sheet)",
                "  %%ingest jdbc:mariadb://127.0.0.1:3306/test --query \"SELECT * FROM orders WHERE year = 2024\"",
                "  %%ingest jdbc:sqlite:data/shop.db --table sales",
                "", "Drivers inside: PostgreSQL (jdbc:postgresql:), MariaDB and MySQL (jdbc:mariadb:, jdbc:mysql:), SQLite (jdbc:sqlite:FILE);",
                "any other from the kernel's classpath. Passwords come from --password-env VAR or the database's own places:",
                "PGPASSWORD or ~/.pgpass; MYSQL_PWD or ~/.my.cnf's [client] section."})
public final class IngestMagic implements Magic {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "A file (CSV, TSV, JSON, Parquet, .xlsx), folder, glob, http(s) URL or jdbc: URL.")
    String source;

    @Option(names = "--as", paramLabel = "NAME", description = "Also keep the table under this name: table(\"NAME\").")
    String name;

    @Option(names = "--sep", paramLabel = "CHAR", description = "Field separator (default: detected). 'tab' or '\\t' for tabs.")
    String separator;

    @Option(names = "--no-header", description = "The first row is data, not column names (default: detected).")
    boolean noHeader;

    @Option(names = "--header", description = "The first row holds column names (default: detected).")
    boolean header;

    @Option(names = "--missing", paramLabel = "TOKENS", description = "More comma-separated tokens meaning missing, besides empty, NA, NaN, null.")
    String missing;

    @Option(names = "--types", paramLabel = "COL=TYPE,…", description = "Fix column types: integer, decimal, boolean, date, date-time, text.")
    String types;

    @Option(names = "--limit", paramLabel = "N", description = "Read only the first N rows.")
    Integer limit;

    @Option(names = "--query", paramLabel = "SQL", description = "For a jdbc: SOURCE, the query to run.")
    String query;

    @Option(names = "--table", paramLabel = "TABLE", description = "For a jdbc: SOURCE, the table to read.")
    String table;

    @Option(names = "--decimal", paramLabel = "MARK", description = "Decimal mark of numbers in a text file: . (default) or , as in 1.234,56.")
    String decimal;

    @Option(names = "--thousands", paramLabel = "MARK",
            description = "Thousands separator of numbers in a text file: , . ' or space (default: none; a comma in a number is refused).")
    String thousands;

    @Option(names = "--password-env", paramLabel = "VAR", description = "For a jdbc: SOURCE, the environment variable holding the password.")
    String passwordEnv;

    @Option(names = "--columns", paramLabel = "A,B,…", description = "Keep only these columns, in this order (Parquet and databases read no others).")
    String columns;

    @Option(names = "--sheet", paramLabel = "NAME|N", description = "For an Excel workbook (.xlsx), the sheet by name or by position counted from 1 (default: the first).")
    String sheet;

    private final Session session;
    private final PrintStream progress;

    /** @param progress where a progress line goes for reads over a second (the cell's stderr) */
    public IngestMagic(Session session, PrintStream progress) {
        this.session = session;
        this.progress = progress;
    }

    public IngestMagic(Session session) {
        this(session, System.err);
    }

    @Override
    public Object run(String body) throws Exception {
        IngestOptions options = options();
        long start = System.nanoTime();
        Table result;
        try (Progress shown = new Progress("reading " + Sources.describe(options), progress)) {
            result = Sources.read(options, shown);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Provenance.Source fingerprint = Fingerprints.of(options, result, name);
        if (name != null) {
            session.setTable(name, result);
        } else {
            session.setTable(result);
        }
        session.provenance().ingested(fingerprint);
        return new IngestReport(Sources.describe(options), result, seconds, name, fingerprint);
    }

    IngestOptions options() {
        if (limit != null && limit < 0) {
            throw new UsageError("--limit must be 0 or more, not " + limit + ".");
        }
        if (header && noHeader) {
            throw new UsageError("Give --header or --no-header, not both.");
        }
        boolean jdbc = source.startsWith("jdbc:");
        if (!jdbc && (query != null || table != null || passwordEnv != null)) {
            throw new UsageError("--query, --table and --password-env are for jdbc: sources, not '" + source + "'.");
        }
        if (jdbc && (query == null) == (table == null)) {
            throw new UsageError("A jdbc: source needs --query \"SQL\" or --table NAME (one of them).");
        }
        if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new UsageError("--as needs a simple name (letters, digits, _ . -), not '" + name + "'.");
        }
        checkFormatOptions();
        return new IngestOptions(source, separator(), header ? Boolean.TRUE : noHeader ? Boolean.FALSE : null,
                list(missing), typeMap(), limit, query, table, passwordEnv, columnList(), sheet,
                mark("--decimal", decimal), mark("--thousands", thousands));
    }

    private static Character mark(String option, String value) {
        if (value == null) {
            return null;
        }
        String mark = value.equals("space") ? " " : value;
        if (mark.length() != 1 || ".,' ".indexOf(mark.charAt(0)) < 0) {
            throw new UsageError(option + " takes one of . , ' or space, not '" + value + "'.");
        }
        return mark.charAt(0);
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

    private Map<String, String> typeMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : list(types)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new UsageError("--types takes COL=TYPE pairs separated by commas, e.g. year=integer,sex=text; not '" + pair + "'.");
            }
            map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return map;
    }
}
