package dev.seekfix.webhooks.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection pool, and transactions that other components (the Quartz job store among them) join: while
 * {@link #inTransaction} runs, {@link #boundConnection()} hands out the transaction's connection on that thread.
 * That is how a delivery row and its Quartz job commit together or not at all.
 */
public final class Database implements AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    public Database(DatabaseSettings settings, int maxConnections) {
        this.settings = settings;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(Math.min(4, maxConnections));
        config.setPoolName("seekfix-db");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        if (settings.kind() == DatabaseKind.POSTGRESQL) {
            // Queue bookkeeping (Quartz's acquire/fire/complete, job status) need not wait for the WAL flush: a
            // seekfix crash loses nothing committed, and after a PostgreSQL crash a lost update only re-runs an
            // idempotent job. Acknowledged deliveries are the exception: see requireDurableCommit().
            config.setConnectionInitSql("SET synchronous_commit TO off");
        }
        this.pool = new HikariDataSource(config);
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public DatabaseKind kind() {
        return settings.kind();
    }

    public HikariDataSource dataSource() {
        return pool;
    }

    /**
     * Runs {@code work} in one transaction: commit on return, rollback on any exception (which propagates).
     * Nested calls on the same thread join the outer transaction.
     */
    public <T> T inTransaction(SqlWork<T> work) throws Exception {
        Connection outer = bound.get();
        if (outer != null) return work.run(outer);
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            bound.set(connection);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Exception | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                bound.remove();
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * The connection of the transaction running on this thread, wrapped so that {@code close()} leaves it open for
     * the transaction's owner; outside a transaction, a pooled connection in auto-commit mode.
     */
    public Connection boundConnection() throws SQLException {
        Connection connection = bound.get();
        if (connection == null) {
            Connection standalone = pool.getConnection();
            standalone.setAutoCommit(true);
            return standalone;
        }
        InvocationHandler keepOpen = (proxy, method, args) -> {
            switch (method.getName()) {
                case "close", "commit", "rollback" -> {
                    if (method.getParameterCount() == 0) return null;
                }
                case "isClosed" -> {
                    return connection.isClosed();
                }
                case "unwrap" -> {
                    return connection.unwrap((Class<?>) args[0]);
                }
                default -> { }
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, keepOpen);
    }

    /**
     * Makes the transaction on {@code connection} wait for its commit to be durable, whatever the session default:
     * used for storing deliveries, which are acknowledged to GitHub only after the commit.
     */
    public void requireDurableCommit(Connection connection) throws SQLException {
        if (settings.kind() != DatabaseKind.POSTGRESQL) return;
        try (var statement = connection.createStatement()) {
            statement.execute("SET LOCAL synchronous_commit TO on");
        }
    }

    /** True when a trivial query answers within two seconds. */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
