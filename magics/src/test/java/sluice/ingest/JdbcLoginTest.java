package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sluice.magic.UsageError;

/**
 * Where the user and password come from, without a server: the URL, --password-env, PGUSER/PGPASSWORD and
 * ~/.pgpass for PostgreSQL, MYSQL_PWD and ~/.my.cnf (in a home folder of the test's own) for MariaDB and MySQL.
 */
class JdbcLoginTest {
    private static final String URL = "jdbc:postgresql://db.example:5432/sales";

    private static JdbcLogin login(String url, String passwordEnv, Map<String, String> env) {
        return JdbcLogin.of(url, passwordEnv, env::get);
    }

    @Test
    void pgUserAndPgPassword_comeFromTheEnvironment() {
        JdbcLogin login = login(URL, null, Map.of("PGUSER", "ana", "PGPASSWORD", "env-secret"));

        assertThat(login.url()).isEqualTo(URL);
        assertThat(login.properties()).containsEntry("user", "ana").containsEntry("password", "env-secret");
        assertThat(login.secrets()).contains("env-secret");
    }

    @Test
    void withoutPgUser_theUserIsTheLoginName_asPsqlWouldUse() {
        JdbcLogin login = login(URL, null, Map.of());

        assertThat(login.properties()).containsEntry("user", System.getProperty("user.name")).doesNotContainKey("password");
    }

    @Test
    void passwordEnv_namesTheVariableHoldingThePassword_andBeatsPgPassword() {
        JdbcLogin login = login(URL, "SALES_DB_PASSWORD", Map.of("SALES_DB_PASSWORD", "from-var", "PGPASSWORD", "env-secret"));

        assertThat(login.properties()).containsEntry("password", "from-var");
        assertThat(login.secrets()).contains("from-var");
    }

    @Test
    void aPasswordTypedAtThePrompt_beatsPgPasswordAndMysqlPwd_andIsMasked() {
        JdbcLogin pg = JdbcLogin.of(URL, null, "typed-pw", Map.of("PGPASSWORD", "env-secret")::get, Path.of("/nonexistent"));
        JdbcLogin maria = JdbcLogin.of("jdbc:mariadb://127.0.0.1:3306/test?user=ana", null, "typed-pw",
                Map.of("MYSQL_PWD", "env-secret")::get, Path.of("/nonexistent"));

        assertThat(pg.properties()).containsEntry("password", "typed-pw");
        assertThat(maria.properties()).containsEntry("password", "typed-pw");
        assertThat(pg.secrets()).contains("typed-pw");
        assertThatThrownBy(() -> JdbcLogin.of(URL + "?password=inurl", null, "typed-pw", Map.<String, String>of()::get, Path.of("/nonexistent")))
                .isInstanceOf(UsageError.class)
                .hasMessage("The URL has a password and --password-prompt asks for another: keep only --password-prompt.");
    }

    @Test
    void passwordEnv_thatIsNotSet_saysWhichVariable() {
        assertThatThrownBy(() -> login(URL, "SALES_DB_PASSWORD", Map.of()))
                .isInstanceOf(UsageError.class)
                .hasMessage("--password-env SALES_DB_PASSWORD: the environment variable SALES_DB_PASSWORD is not set."
                        + " Set it where the kernel starts, or use ~/.pgpass.");
    }

    @Test
    void passwordEnv_besideAPasswordInTheUrl_isRefused() {
        assertThatThrownBy(() -> login(URL + "?password=typed", "SALES_DB_PASSWORD", Map.of("SALES_DB_PASSWORD", "x")))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("keep only --password-env");
    }

    @Test
    void userAndPasswordInTheUrl_winOverTheEnvironment() {
        JdbcLogin login = login(URL + "?user=bob&password=typed", null, Map.of("PGUSER", "ana", "PGPASSWORD", "env-secret"));

        assertThat(login.properties()).doesNotContainKeys("user", "password");
        assertThat(login.secrets()).contains("typed").doesNotContain("env-secret");
    }

    @Test
    void userInfoBeforeTheHost_movesIntoTheProperties_decoded() {
        JdbcLogin login = login("jdbc:postgresql://bob:p%40ss+word@db.example:5432/sales?ssl=false", null, Map.of("PGUSER", "ana"));

        assertThat(login.url()).isEqualTo("jdbc:postgresql://db.example:5432/sales?ssl=false");
        assertThat(login.properties()).containsEntry("user", "bob").containsEntry("password", "p@ss+word");
        assertThat(login.secrets()).contains("p%40ss+word", "p@ss+word");
    }

    @Test
    void pgPass_isReadByTheDriver_forTheLoginName_whenNoUserIsGiven(@TempDir Path dir) throws Exception {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "db.example:5432:sales:" + System.getProperty("user.name") + ":from-pgpass\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        String before = System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try {
            JdbcLogin login = login(URL, null, Map.of());
            Properties resolved = org.postgresql.Driver.parseURL(login.url(), login.properties());

            assertThat(resolved).containsEntry("password", "from-pgpass");
        } finally {
            if (before == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", before);
            }
        }
    }

    @Test
    void postgres_getsBinaryResults_unlessTheUrlSaysOtherwise() {
        Properties properties = login(URL, null, Map.of()).properties();
        assertThat(properties).containsEntry("prepareThreshold", "-1");
        assertThat(properties.getProperty("binaryTransferDisable")).contains("FLOAT4", "INT4_ARRAY");
        assertThat(login(URL + "?prepareThreshold=0", null, Map.of()).properties()).doesNotContainKey("prepareThreshold");
    }

    @Test
    void otherDatabases_getNoPostgresEnvironment() {
        JdbcLogin login = login("jdbc:h2:mem:sales", null, Map.of("PGUSER", "ana", "PGPASSWORD", "env-secret", "MYSQL_PWD", "my-secret"));

        assertThat(login.properties()).isEmpty();
        assertThat(login.secrets()).isEmpty();
    }

    private static JdbcLogin mysql(String url, String passwordEnv, Map<String, String> env, Path home) {
        return JdbcLogin.of(url, passwordEnv, env::get, home);
    }

    @Test
    void mariadb_takesMysqlPwd_andTheLoginName_asTheMariadbClientWould(@TempDir Path home) {
        JdbcLogin login = mysql("jdbc:mariadb://db.example/sales", null, Map.of("MYSQL_PWD", "my-secret", "PGPASSWORD", "pg"), home);

        assertThat(login.properties()).containsEntry("user", System.getProperty("user.name")).containsEntry("password", "my-secret");
        assertThat(login.secrets()).containsExactly("my-secret");
    }

    @Test
    void myCnf_clientSection_givesUserAndPassword_andBeatsMysqlPwd(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[mysqld]\nuser = server\n\n[client]\nuser = ana # the analyst\n"
                + "password = \"p#ss \\\"word\\\"\"\nhost = elsewhere.example\n");
        JdbcLogin login = mysql("jdbc:mariadb://db.example/sales", null, Map.of("MYSQL_PWD", "my-secret"), home);

        assertThat(login.url()).startsWith("jdbc:mariadb://db.example/sales");
        assertThat(login.properties()).containsEntry("user", "ana").containsEntry("password", "p#ss \"word\"");
        assertThat(login.secrets()).containsExactly("p#ss \"word\"");
    }

    @Test
    void myCnf_thatAnyoneCanWrite_isIgnored_asTheClientsIgnoreIt(@TempDir Path home) throws Exception {
        Path cnf = Files.writeString(home.resolve(".my.cnf"), "[client]\nuser=planted\npassword=planted\n");
        Files.setPosixFilePermissions(cnf, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThat(mysql("jdbc:mariadb://db.example/sales", null, Map.of(), home).properties())
                .containsEntry("user", System.getProperty("user.name")).doesNotContainKey("password");
    }

    @Test
    void urlAndPasswordEnv_winOverMyCnfAndMysqlPwd(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(".my.cnf"), "[client]\nuser=ana\npassword=from-cnf\n");
        JdbcLogin typed = mysql("jdbc:mariadb://db.example/sales?user=bob&password=typed", null, Map.of("MYSQL_PWD", "x"), home);
        JdbcLogin fromVar = mysql("jdbc:mariadb://db.example/sales", "SALES_PW", Map.of("SALES_PW", "from-var"), home);

        assertThat(typed.properties()).doesNotContainKeys("user", "password");
        assertThat(typed.secrets()).contains("typed").doesNotContain("from-cnf", "x");
        assertThat(fromVar.properties()).containsEntry("user", "ana").containsEntry("password", "from-var");
    }

    @Test
    void mysqlUserInfoBeforeTheHost_movesIntoTheProperties_andTheMariadbDriverIsToldToTakeTheUrl(@TempDir Path home) {
        JdbcLogin login = mysql("jdbc:mysql://bob:p%40ss@db.example:3306/sales", null, Map.of(), home);

        assertThat(login.url()).isEqualTo("jdbc:mysql://db.example:3306/sales?permitMysqlScheme");
        assertThat(login.properties()).containsEntry("user", "bob").containsEntry("password", "p@ss");
        assertThat(login.secrets()).contains("p%40ss", "p@ss");
    }

    @Test
    void passwordEnv_thatIsNotSet_forMariadb_pointsAtMyCnf(@TempDir Path home) {
        assertThatThrownBy(() -> mysql("jdbc:mariadb://db.example/sales", "SALES_PW", Map.of(), home))
                .hasMessage("--password-env SALES_PW: the environment variable SALES_PW is not set. Set it where the kernel starts, or use ~/.my.cnf.");
    }
}
