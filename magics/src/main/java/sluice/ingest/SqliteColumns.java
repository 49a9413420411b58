package sluice.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import sluice.magic.UsageError;
import tech.tablesaw.api.Table;

/**
 * Reads {@code jdbc:sqlite:FILE}: the file must exist (SQLite would create an empty one), it is opened
 * read-only, and each column's values are gathered by {@link SqliteColumn}, since SQLite's declared
 * types are only affinities.
 */
final class SqliteColumns {
    /** SQLite's SQLITE_OPEN_READONLY: no write, and no new file for a mistyped name. */
    private static final String READ_ONLY = "1";

    private SqliteColumns() {
    }

    static boolean handles(String url) {
        return url.startsWith("jdbc:sqlite:");
    }

    /** Opens read-only, after checking that the file is there; in-memory databases need no file. */
    static void prepare(String url, Properties properties) {
        String file = url.substring("jdbc:sqlite:".length()).replaceFirst("^file:", "").replaceFirst("\\?.*$", "");
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith(":resource:")) {
            return;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new UsageError("No SQLite file '" + file + "'." + Locations.suggestion(file, Path.of(""))
                    + (path.isAbsolute() ? "" : " Relative names start at " + Path.of("").toAbsolutePath() + "."));
        }
        properties.setProperty("open_mode", READ_ONLY);
    }

    /** Reads at most {@code limit} rows of {@code rows} into a table called {@code name}. */
    static Table read(ResultSet rows, String name, long limit) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int width = meta.getColumnCount();
        SqliteColumn[] columns = new SqliteColumn[width];
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= width; i++) {
            String declared = String.valueOf(meta.getColumnTypeName(i)).toLowerCase();
            columns[i - 1] = new SqliteColumn(JdbcColumns.unique(meta.getColumnLabel(i), names), declared, meta.getScale(i));
        }
        for (int row = 1; row <= limit && rows.next(); row++) {
            for (int i = 0; i < width; i++) {
                columns[i].add(rows.getObject(i + 1), row);
            }
        }
        Table table = Table.create(name);
        for (SqliteColumn column : columns) {
            table.addColumns(column.build());
        }
        return table;
    }
}
