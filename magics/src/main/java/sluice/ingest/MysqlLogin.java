package sluice.ingest;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The login for {@code jdbc:mariadb:} and {@code jdbc:mysql:} URLs as the {@code mariadb} and
 * {@code mysql} clients find it: the user from {@code ~/.my.cnf}'s {@code [client]} section or else
 * the login name, the password from that section or else {@code MYSQL_PWD}. The host and port stay
 * the URL's.
 */
final class MysqlLogin {
    private MysqlLogin() {
    }

    static boolean handles(String url) {
        return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
    }

    /**
     * MariaDB's driver, which Sluice ships, takes {@code jdbc:mysql:} URLs only when told to; MySQL's
     * own driver, if a user added it, is left to take them as written.
     */
    static String driverUrl(String url) {
        if (!url.startsWith("jdbc:mysql:") || JdbcLogin.hasParameter(url, "permitMysqlScheme")) {
            return url;
        }
        try {
            DriverManager.getDriver(url);
            return url;
        } catch (SQLException noOtherDriver) {
            return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
    }

    static void defaults(String url, Properties properties, UnaryOperator<String> env, Path home, List<String> secrets) {
        Map<String, String> cnf = MyCnf.client(home.resolve(".my.cnf"));
        if (!JdbcLogin.hasParameter(url, "user") && !properties.containsKey("user")) {
            properties.setProperty("user", cnf.getOrDefault("user", System.getProperty("user.name")));
        }
        if (!JdbcLogin.hasParameter(url, "password") && !properties.containsKey("password")) {
            String password = cnf.containsKey("password") ? cnf.get("password") : env.apply("MYSQL_PWD");
            if (password != null) {
                properties.setProperty("password", password);
                secrets.add(password);
            }
        }
        // YEAR is a number of years, not the first of January of that year.
        JdbcLogin.defaultTo(url, properties, "yearIsDateType", "false");
    }
}
