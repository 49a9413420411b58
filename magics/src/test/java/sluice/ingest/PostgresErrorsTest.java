package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sluice.ingest.PostgresTables.PASSWORD;
import static sluice.ingest.PostgresTables.QUALIFIED;
import static sluice.ingest.PostgresTables.ROWS;
import static sluice.ingest.PostgresTables.SCHEMA;
import static sluice.ingest.PostgresTables.SERVER;
import static sluice.ingest.PostgresTables.SUFFIX;
import static sluice.ingest.PostgresTables.TABLE;
import static sluice.ingest.PostgresTables.URL;
import static sluice.ingest.PostgresTables.USER;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sluice.magic.Magics;
import sluice.magic.UsageError;
import sluice.render.Bundle;
import sluice.session.Session;
import tech.tablesaw.api.Table;

/**
 * {@code %ingest jdbc:postgresql://…} when something is wrong: logins, passwords (never shown), unreachable
 * servers, SQL errors with the server's words and a hint, and a failed read that leaves the session as it was.
 * Against the real server at 127.0.0.1:5432 (see {@link PostgresTables}).
 */
class PostgresErrorsTest {
    private final Session session = new Session();
    private final Magics magics = new Magics().add("ingest", Magics.Kind.LINE, () -> new IngestMagic(session));

    @BeforeAll
    static void createTables() throws SQLException {
        PostgresTables.create(PostgresErrorsTest.class);
    }

    @AfterAll
    static void dropTables() throws SQLException {
        PostgresTables.drop(PostgresErrorsTest.class);
    }

    private IngestReport ingest(String line) throws Exception {
        return (IngestReport) magics.run(Magics.Kind.LINE, "ingest " + line, null);
    }


    @Test
    void passwordInUrl_works_andIsMaskedInTheReport() throws Exception {
        IngestReport report = ingest(SERVER + "?user=" + USER + "&password=" + PASSWORD + " --table " + QUALIFIED + " --limit 5");
        Bundle bundle = report.bundle();

        assertThat(report.summary()).contains("password=****");
        assertThat(bundle.data().values()).allSatisfy(shown -> assertThat(shown.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void userAndPasswordBeforeTheHost_work_andAreMaskedInTheReport() throws Exception {
        IngestReport report = ingest("jdbc:postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:5432/test --table " + QUALIFIED + " --limit 5");

        assertThat(session.table().rowCount()).isEqualTo(5);
        assertThat(report.summary()).contains(USER + ":****@127.0.0.1");
        assertThat(report.bundle().data().values()).allSatisfy(shown -> assertThat(shown.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void unreachableServer_saysSoInOneLine() {
        assertThatThrownBy(() -> ingest("jdbc:postgresql://127.0.0.1:1/test --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith("jdbc:postgresql://127.0.0.1:1/test: Connection to 127.0.0.1:1 refused.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unknownHost_isNamed() {
        assertThatThrownBy(() -> ingest("jdbc:postgresql://no-such-host.invalid:5432/test --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("Unknown host 'no-such-host.invalid'.");
    }

    @Test
    void failedLogin_givesTheServersMessage_withoutThePassword() {
        assertThatThrownBy(() -> ingest(SERVER + "?user=sluice_no_such_role&password=" + PASSWORD + " --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessage("jdbc:postgresql://127.0.0.1:5432/test: role \"sluice_no_such_role\" does not exist."
                        + " Check the user and password: PGUSER and PGPASSWORD, ~/.pgpass, or --password-env VAR.");
    }

    @Test
    void missingDatabase_givesTheServersMessage_withoutThePassword() {
        assertThatThrownBy(() -> ingest("jdbc:postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:5432/sluice_no_such_db --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessage("jdbc:postgresql://" + USER + ":****@127.0.0.1:5432/sluice_no_such_db: database \"sluice_no_such_db\""
                        + " does not exist. Check the database name at the end of the URL.");
    }

    @Test
    void sqlSyntaxError_givesTheServersMessageAndWhere() {
        assertThatThrownBy(() -> ingest(URL + " --query 'SELECT id,, label FROM " + QUALIFIED + "'"))
                .isInstanceOf(UsageError.class)
                .hasMessage(SERVER + ": syntax error at or near \",\" (character 11 of the query).");
    }

    @Test
    void queryOnMissingTable_namesTheClosestTable() {
        assertThatThrownBy(() -> ingest(URL + " --query 'SELECT * FROM " + SCHEMA + ".every_typ_" + SUFFIX + "'"))
                .isInstanceOf(UsageError.class)
                .hasMessage(SERVER + ": relation \"" + SCHEMA + ".every_typ_" + SUFFIX + "\" does not exist"
                        + " (character 15 of the query). Did you mean '" + QUALIFIED + "'?");
    }

    @Test
    void queryOnMissingColumn_keepsTheServersHint() {
        assertThatThrownBy(() -> ingest(URL + " --query 'SELECT labl FROM " + QUALIFIED + "'"))
                .isInstanceOf(UsageError.class)
                .hasMessage(SERVER + ": column \"labl\" does not exist (character 8 of the query)."
                        + " Hint: Perhaps you meant to reference the column \"" + TABLE + ".label\".");
    }

    @Test
    void queryThatWrites_isRefused_andChangesNothing() throws Exception {
        assertThatThrownBy(() -> ingest(URL + " --query 'DELETE FROM " + QUALIFIED + " RETURNING id'"))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("read-only transaction")
                .hasMessageEndingWith("%ingest only reads; change data with another tool.");
        ingest(URL + " --query 'SELECT count(*) AS n FROM " + QUALIFIED + "'");
        assertThat(session.table().longColumn("n").get(0)).isEqualTo(ROWS);
    }

    @Test
    void errorWithPasswordInUrl_neverShowsIt() {
        assertThatThrownBy(() -> ingest(SERVER + "?user=" + USER + "&password=" + PASSWORD + " --query 'SELEC 1'"))
                .isInstanceOf(UsageError.class)
                .hasMessageStartingWith(SERVER + ": syntax error")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
        assertThatThrownBy(() -> ingest("jdbc:postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:1/test --table t"))
                .isInstanceOf(UsageError.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD).contains(USER + ":****@"));
    }

    @Test
    void otherDatabase_withoutItsDriver_saysWhatIsMissing_withoutThePassword() {
        assertThatThrownBy(() -> ingest("jdbc:sqlserver://sa:" + PASSWORD + "@127.0.0.1/test --table t"))
                .isInstanceOf(UsageError.class)
                .hasMessage("jdbc:sqlserver://sa:****@127.0.0.1/test: No JDBC driver for jdbc:sqlserver: URLs is on the classpath."
                        + " Sluice brings PostgreSQL's (jdbc:postgresql://host:port/db), MariaDB's (jdbc:mariadb:// or jdbc:mysql://host:port/db)"
                        + " and SQLite's (jdbc:sqlite:FILE); put another database's driver jar on the kernel's classpath.");
    }

    @Test
    void failedIngest_leavesTheSessionAsItWas() throws Exception {
        Table before = Table.create("before");
        session.setTable("kept", before);

        for (String line : new String[] {
                URL + " --query 'SELECT * FROM " + QUALIFIED + " WHERE id / (id - 60000) > 0'",
                "jdbc:postgresql://127.0.0.1:1/test --table t --as other",
                URL + " --table no_such_table_" + SUFFIX + " --as other"}) {
            assertThatThrownBy(() -> ingest(line)).isInstanceOf(UsageError.class);
        }

        assertThat(session.table()).isSameAs(before);
        assertThat(session.tableNames()).containsExactly("kept");
    }
}
