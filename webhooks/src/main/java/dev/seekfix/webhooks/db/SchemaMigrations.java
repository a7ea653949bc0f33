package dev.seekfix.webhooks.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades the schema on start: Quartz's tables (from the DDL in Quartz's jar) and seekfix's own.
 * Flyway's history table makes this safe to run from several replicas at once.
 */
public final class SchemaMigrations {

    private final Database database;

    public SchemaMigrations(Database database) {
        this.database = database;
    }

    public MigrateResult migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(database.dataSource())
                .locations("classpath:db/migration")
                .placeholders(java.util.Map.of("body_type", database.kind().binaryType()))
                .javaMigrations(new dev.seekfix.webhooks.db.migration.V1__Quartz_tables(database.kind()))
                .table("seekfix_schema_history")
                .load();
        return flyway.migrate();
    }
}
