package dev.seekfix.bot.db;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The bot's own tables (SQL common to H2 and PostgreSQL, under {@code db/bot}), migrated with Flyway beside the
 * intake's schema in the same database: a history table of their own, so the two modules version independently.
 */
public final class BotSchemaMigrations {

    private final DataSource dataSource;

    public BotSchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/bot")
                .table("seekfix_bot_schema_history")
                // The database usually holds the intake's tables already; they are not ours to version.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
