package sluice.ingest;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import sluice.magic.DidYouMean;
import sluice.magic.UsageError;

/**
 * The tables a connection can read, from the driver's catalogue: {@code --table NAME} is looked up
 * there and quoted, so no text from the line is pasted into SQL, and a name that is not there gets
 * the closest one.
 */
final class JdbcTables {
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "pg_toast", "information_schema", "sys", "mysql", "performance_schema");

    private JdbcTables() {
    }

    /** One table: its schema (or catalog, for drivers without schemas) and its name. */
    record Name(String schema, String table) {
        String shown(String currentSchema) {
            return schema == null || schema.equals(currentSchema) ? table : schema + "." + table;
        }
    }

    /** {@code SELECT * FROM} the table that {@code requested} ({@code name} or {@code schema.name}) means. */
    static String selectAll(Connection connection, String requested) throws SQLException {
        String[] parts = requested.split("\\.", -1);
        if (parts.length > 2 || requested.isBlank() || List.of(parts).contains("")) {
            throw new UsageError("--table takes a name such as sales or public.sales, not '" + requested
                    + "'; use --query for anything else.");
        }
        String schema = parts.length == 2 ? parts[0] : null;
        String table = parts[parts.length - 1];
        String current = currentSchema(connection);
        List<Name> all = list(connection);
        Name found = match(all, schema, table, current, false);
        if (found == null) {
            found = match(all, schema, table, current, true);
        }
        if (found == null) {
            throw new UsageError("No table '" + requested + "'." + suggest(requested, all, current));
        }
        String quote = connection.getMetaData().getIdentifierQuoteString().strip();
        String from = found.schema() == null ? quoted(found.table(), quote) : quoted(found.schema(), quote) + "." + quoted(found.table(), quote);
        return "SELECT * FROM " + from;
    }

    /** " Did you mean 'x'?" for a missing table, or the tables there are when none is close; empty if unknown. */
    static String suggest(String requested, Connection connection) {
        try {
            return suggest(requested, list(connection), currentSchema(connection));
        } catch (SQLException e) {
            return "";
        }
    }

    private static String suggest(String requested, List<Name> all, String current) {
        boolean qualified = requested.contains(".");
        Map<String, String> shownByKey = new TreeMap<>();
        all.stream()
                .filter(n -> n.schema() == null || !SYSTEM_SCHEMAS.contains(n.schema().toLowerCase()))
                .forEach(n -> shownByKey.putIfAbsent(qualified ? n.schema() + "." + n.table() : n.table(), n.shown(current)));
        Optional<String> closest = DidYouMean.closest(requested, shownByKey.keySet());
        if (closest.isPresent()) {
            return " Did you mean '" + shownByKey.get(closest.get()) + "'?";
        }
        if (shownByKey.isEmpty()) {
            return " The database has no tables yet.";
        }
        return shownByKey.size() > 20 ? "" : " Tables: " + String.join(", ", new TreeSet<>(shownByKey.values())) + ".";
    }

    private static Name match(List<Name> all, String schema, String table, String current, boolean ignoreCase) {
        List<Name> matches = all.stream()
                .filter(n -> same(n.table(), table, ignoreCase) && (schema == null || same(n.schema(), schema, ignoreCase)))
                .toList();
        if (matches.size() <= 1) {
            return matches.isEmpty() ? null : matches.get(0);
        }
        return matches.stream().filter(n -> Objects.equals(n.schema(), current)).findFirst()
                .orElseThrow(() -> new UsageError("'" + table + "' is in several schemas: "
                        + String.join(", ", matches.stream().map(n -> n.schema() + "." + n.table()).toList())
                        + ". Name one, e.g. --table " + matches.get(0).schema() + "." + matches.get(0).table() + "."));
    }

    private static boolean same(String a, String b, boolean ignoreCase) {
        return a != null && (ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b));
    }

    /**
     * Every table and view the driver lists, with its schema, or its catalog when the driver has no
     * schemas (MariaDB's databases are catalogs, of which it lists all); not the system's own tables
     * (MariaDB's mysql.user, SQLite's sqlite_schema), which {@code --query} can still read.
     */
    static List<Name> list(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<Name> names = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, null, "%", null)) {
            while (rows.next()) {
                String type = String.valueOf(rows.getString("TABLE_TYPE")).toUpperCase();
                if ((type.contains("TABLE") || type.contains("VIEW")) && !type.startsWith("SYSTEM")) {
                    String schema = rows.getString("TABLE_SCHEM");
                    names.add(new Name(schema != null ? schema : rows.getString("TABLE_CAT"), rows.getString("TABLE_NAME")));
                }
            }
        }
        return names;
    }

    private static String currentSchema(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        return schema != null ? schema : connection.getCatalog();
    }

    private static String quoted(String identifier, String quote) {
        return quote.isEmpty() ? identifier : quote + identifier.replace(quote, quote + quote) + quote;
    }
}
