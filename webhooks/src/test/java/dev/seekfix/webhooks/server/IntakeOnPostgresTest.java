package dev.seekfix.webhooks.server;

import dev.seekfix.webhooks.db.DatabaseSettings;
import dev.seekfix.webhooks.support.TestDatabases;

import java.nio.file.Path;

class IntakeOnPostgresTest extends IntakeBehaviour {
    @Override
    DatabaseSettings database(Path dataDir) {
        return TestDatabases.freshPostgresSchema();
    }

    @Override
    void dropDatabase(DatabaseSettings settings) {
        if (settings != null) TestDatabases.dropPostgresSchema(settings);
    }
}
