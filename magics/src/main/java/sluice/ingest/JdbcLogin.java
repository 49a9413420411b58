package sluice.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sluice.magic.UsageError;

/**
 * Where to connect and as whom, with the password kept out of the notebook: it comes from
 * {@code --password-prompt} or {@code --password-env VAR}, else as the database's own client finds it ({@code PGPASSWORD} or
 * {@code ~/.pgpass}, which the PostgreSQL driver reads once it knows the user; {@code ~/.my.cnf} or
 * {@code MYSQL_PWD} for MariaDB and MySQL), and a password typed into the URL is remembered only to be masked.
 *
 * @param url        the URL to hand the driver
 * @param properties the driver properties: user, password and defaults the URL did not set
 * @param secrets    every password known here, to mask in whatever is shown
 */
record JdbcLogin(String url, Properties properties, List<String> secrets) {
    private static final String TEXT_TYPES = "FLOAT4,TIMETZ,BYTEA,POINT,BOX,BYTEA_ARRAY,INT2_ARRAY,INT4_ARRAY,"
            + "INT8_ARRAY,OID_ARRAY,FLOAT4_ARRAY,FLOAT8_ARRAY,VARCHAR_ARRAY,TEXT_ARRAY";
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:(?:postgresql|mariadb|mysql)://)([^/@?]*)@");

    /** @param env the process environment ({@code System::getenv}), a map in tests */
    static JdbcLogin of(String url, String passwordEnv, UnaryOperator<String> env) {
        return of(url, passwordEnv, env, Path.of(System.getProperty("user.home")));
    }

    /** @param home the home folder, where {@code .my.cnf} is looked for */
    static JdbcLogin of(String url, String passwordEnv, UnaryOperator<String> env, Path home) {
        return of(url, passwordEnv, null, env, home);
    }

    /** @param typed the password typed at --password-prompt, or null */
    static JdbcLogin of(String url, String passwordEnv, String typed, UnaryOperator<String> env, Path home) {
        List<String> secrets = new ArrayList<>(Secrets.passwordsIn(url));
        Properties properties = new Properties();
        boolean postgres = url.startsWith("jdbc:postgresql:");
        boolean mysql = MysqlLogin.handles(url);
        String driverUrl = postgres || mysql ? moveUserInfo(url, properties) : url;
        if (properties.containsKey("password")) {
            secrets.add(properties.getProperty("password"));
        }
        boolean urlPassword = hasParameter(url, "password") || properties.containsKey("password");
        if (passwordEnv != null) {
            String password = env.apply(passwordEnv);
            if (password == null) {
                throw new UsageError("--password-env " + passwordEnv + ": the environment variable " + passwordEnv
                        + " is not set. Set it where the kernel starts, or use " + (mysql ? "~/.my.cnf." : "~/.pgpass."));
            }
            if (urlPassword) {
                throw new UsageError("The URL has a password and --password-env gives another: keep only --password-env.");
            }
            properties.setProperty("password", password);
            secrets.add(password);
        }
        if (typed != null) {
            if (urlPassword) {
                throw new UsageError("The URL has a password and --password-prompt asks for another: keep only --password-prompt.");
            }
            properties.setProperty("password", typed);
            if (!typed.isEmpty()) {
                secrets.add(typed);
            }
        }
        if (postgres) {
            postgresDefaults(driverUrl, properties, env, secrets);
        }
        if (mysql) {
            MysqlLogin.defaults(driverUrl, properties, env, home, secrets);
            driverUrl = MysqlLogin.driverUrl(driverUrl);
        }
        if (SqliteColumns.handles(url)) {
            SqliteColumns.prepare(url, properties);
        }
        return new JdbcLogin(driverUrl, properties, List.copyOf(secrets));
    }

    /**
     * As libpq does: the user is PGUSER or else the login name, and the password PGPASSWORD or else
     * the driver's own look-up in ~/.pgpass, which needs the user set to happen at all.
     */
    private static void postgresDefaults(String url, Properties properties, UnaryOperator<String> env, List<String> secrets) {
        if (!hasParameter(url, "user") && !properties.containsKey("user")) {
            String user = env.apply("PGUSER");
            properties.setProperty("user", user != null ? user : System.getProperty("user.name"));
        }
        String password = env.apply("PGPASSWORD");
        if (password != null && !hasParameter(url, "password") && !properties.containsKey("password")) {
            properties.setProperty("password", password);
            secrets.add(password);
        }
        defaultTo(url, properties, "ApplicationName", "sluice");
        // Binary results from the first execution: numbers and dates arrive as bytes, not as text to
        // parse, which halves the time of a large read. (Behind pgbouncer in transaction mode, put
        // prepareThreshold=0 in the URL.)
        defaultTo(url, properties, "prepareThreshold", "-1");
        // Except where the text is what a user expects to see: a real as the server prints it (0.1, not
        // 0.10000000149), arrays as {1,2}, bytea as \x…, a time with zone in its own zone.
        defaultTo(url, properties, "binaryTransferDisable", TEXT_TYPES);
    }

    static void defaultTo(String url, Properties properties, String name, String value) {
        if (!hasParameter(url, name)) {
            properties.setProperty(name, value);
        }
    }

    /**
     * The PostgreSQL and MariaDB drivers do not read {@code user:password@host} (they take it for a host
     * name or port and put it in their errors), so that part moves into the properties, as libpq and
     * MySQL's own driver would read it.
     */
    private static String moveUserInfo(String url, Properties properties) {
        Matcher m = USER_INFO.matcher(url);
        if (!m.find()) {
            return url;
        }
        String info = m.group(2);
        int colon = info.indexOf(':');
        String user = colon < 0 ? info : info.substring(0, colon);
        if (!user.isEmpty()) {
            properties.setProperty("user", Secrets.decode(user).orElse(user));
        }
        if (colon >= 0) {
            String password = info.substring(colon + 1);
            properties.setProperty("password", Secrets.decode(password).orElse(password));
        }
        return m.group(1) + url.substring(m.end());
    }

    static boolean hasParameter(String url, String name) {
        return Pattern.compile("[?&;]" + name + "=", Pattern.CASE_INSENSITIVE).matcher(url).find();
    }
}
