package sluice.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --columns} on a database source: the query or table wrapped so that the database sends only those
 * columns, after the columns it would send are asked for (a query that returns no rows) to check the names.
 */
final class JdbcProjection {
    private JdbcProjection() {
    }

    static String wrap(Connection connection, String sql, List<String> columns) throws SQLException {
        if (columns.isEmpty()) {
            return sql;
        }
        // A derived table with an alias and no AS, which PostgreSQL, MariaDB, SQLite, H2 and Oracle all accept.
        String from = " FROM (" + sql.strip().replaceFirst(";+$", "") + ") sluice_columns";
        List<String> available = new ArrayList<>();
        try (Statement probe = connection.createStatement(); ResultSet none = probe.executeQuery("SELECT *" + from + " WHERE 1 = 0")) {
            ResultSetMetaData meta = none.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                available.add(meta.getColumnLabel(i));
            }
        }
        ColumnSelection.check(columns, available);
        String quote = connection.getMetaData().getIdentifierQuoteString().strip();
        return "SELECT " + columns.stream().map(c -> quote.isEmpty() ? c : quote + c.replace(quote, quote + quote) + quote)
                .collect(Collectors.joining(", ")) + from;
    }
}
