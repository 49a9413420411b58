package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sluice.magic.Magics;
import sluice.session.Session;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Any JDBC database whose driver is on the classpath: H2, in memory. */
class OtherJdbcTest {
    private static final String URL = "jdbc:h2:mem:sluice_other;DB_CLOSE_DELAY=-1";

    private final Session session = new Session();
    private final Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session));
    private Connection keepAlive;

    @BeforeEach
    void createTable() throws Exception {
        keepAlive = DriverManager.getConnection(URL);
        try (Statement sql = keepAlive.createStatement()) {
            sql.execute("CREATE TABLE trips (id INT, city VARCHAR(20), km DOUBLE, trip_day DATE)");
            sql.execute("INSERT INTO trips VALUES (1, 'Oslo', 12.5, DATE '2024-05-01'), (2, 'Lima', NULL, DATE '2024-05-02')");
        }
    }

    @AfterEach
    void dropTable() throws Exception {
        try (Statement sql = keepAlive.createStatement()) {
            sql.execute("DROP TABLE trips");
        }
        keepAlive.close();
    }

    @Test
    void h2Table_isReadWithMatchingTypes() throws Exception {
        magics.run(Magics.Kind.LINE, "ingest " + URL + " --table trips", null);
        Table trips = session.table();
        assertThat(trips.rowCount()).isEqualTo(2);
        assertThat(trips.columns()).extracting(c -> c.type())
                .containsExactly(ColumnType.INTEGER, ColumnType.STRING, ColumnType.DOUBLE, ColumnType.LOCAL_DATE);
        assertThat(trips.dateColumn(3).get(1)).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(trips.doubleColumn(2).isMissing(1)).isTrue();
    }

    @Test
    void h2Query_isReadToo() throws Exception {
        magics.run(Magics.Kind.LINE, "ingest " + URL + " --query \"SELECT city FROM trips WHERE id = 1\"", null);
        assertThat(session.table().stringColumn(0).asList()).containsExactly("Oslo");
    }
}
