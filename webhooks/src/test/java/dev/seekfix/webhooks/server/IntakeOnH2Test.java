package dev.seekfix.webhooks.server;

import dev.seekfix.webhooks.db.DatabaseSettings;
import dev.seekfix.webhooks.support.TestDatabases;

import java.nio.file.Path;

class IntakeOnH2Test extends IntakeBehaviour {
    @Override
    DatabaseSettings database(Path dataDir) {
        return TestDatabases.h2(dataDir);
    }
}
