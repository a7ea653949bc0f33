package dev.seekfix.webhooks.db;

import java.sql.Connection;

/** Work done on one connection inside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws Exception;
}
