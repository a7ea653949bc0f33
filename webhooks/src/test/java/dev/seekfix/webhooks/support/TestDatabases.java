package dev.seekfix.webhooks.support;

import dev.seekfix.webhooks.db.DatabaseSettings;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Real databases for tests: an H2 file in a temporary folder, or a fresh schema in the local PostgreSQL
 * (127.0.0.1:5432, trust auth; override with SEEKFIX_TEST_PG_URL / SEEKFIX_TEST_PG_USER). PostgreSQL tests skip
 * with a message when no server answers.
 */
public final class TestDatabases {

    private static final String SERVER = System.getenv().getOrDefault("SEEKFIX_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("SEEKFIX_TEST_PG_USER", "postgres");
    private static final String DATABASE = "seekfix_test";

    private TestDatabases() {
    }

    public static DatabaseSettings h2(Path dir) {
        return DatabaseSettings.embedded(dir);
    }

    /** A new, empty schema in the {@code seekfix_test} database; the URL selects it through {@code currentSchema}. */
    public static DatabaseSettings freshPostgresSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try {
            ensureDatabase();
            try (Connection c = DriverManager.getConnection(SERVER + DATABASE, USER, "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at %s as %s (%s); start it (pg_ctlcluster <version> main start) to run these tests"
                    .formatted(SERVER, USER, e.getMessage()));
        }
        return new DatabaseSettings(SERVER + DATABASE + "?currentSchema=" + schema, USER, "");
    }

    public static void dropPostgresSchema(DatabaseSettings settings) {
        String url = settings.url();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException ignored) {
            // best effort: the schema name is unique, a leftover harms nothing
        }
    }

    private static void ensureDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rows.next()) {
                try (Statement create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE);
                } catch (SQLException raced) {
                    if (!"42P04".equals(raced.getSQLState())) throw raced;
                }
            }
        }
    }

    /** Counts rows with plain JDBC, outside the server under test. */
    public static long count(DatabaseSettings settings, String sql) {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
