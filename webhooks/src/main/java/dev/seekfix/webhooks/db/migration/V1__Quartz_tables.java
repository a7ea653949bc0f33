package dev.seekfix.webhooks.db.migration;

import dev.seekfix.webhooks.db.DatabaseKind;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Quartz's tables, created from the DDL that ships in Quartz's jar for this database rather than a copy of it,
 * so that the schema always matches the Quartz version on the classpath.
 */
public final class V1__Quartz_tables extends BaseJavaMigration {

    private final DatabaseKind kind;

    public V1__Quartz_tables(DatabaseKind kind) {
        this.kind = kind;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements(readDdl())) {
                statement.execute(sql);
            }
        }
    }

    private String readDdl() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(kind.quartzDdlResource())) {
            if (in == null) {
                throw new IOException("Quartz DDL %s not found on the classpath; is the quartz jar missing?"
                        .formatted(kind.quartzDdlResource()));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits the script on ';', dropping '--' comments and the trailing {@code commit} of Quartz's PostgreSQL script. */
    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) continue;
            withoutComments.append(line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String part : withoutComments.toString().split(";")) {
            String sql = part.strip();
            if (sql.isEmpty() || sql.equalsIgnoreCase("commit")) continue;
            statements.add(sql);
        }
        return statements;
    }
}
