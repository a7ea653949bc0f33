package dev.seekfix.webhooks.db;

import java.nio.file.Path;
import java.util.Map;

/** Where the delivery store and the queue live. The password is never printed. */
public record DatabaseSettings(String url, String user, String password, DatabaseKind kind) {

    public DatabaseSettings {
        kind = DatabaseKind.ofJdbcUrl(url);
    }

    public DatabaseSettings(String url, String user, String password) {
        this(url, user, password, DatabaseKind.ofJdbcUrl(url));
    }

    /** H2 file database {@code seekfix} in {@code dataDir}, in PostgreSQL compatibility off (plain H2). */
    public static DatabaseSettings embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("seekfix").toString();
        return new DatabaseSettings("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    /** {@code SEEKFIX_DB_URL}/{@code _USER}/{@code _PASSWORD}, else the embedded H2 file in {@code dataDir}. */
    public static DatabaseSettings fromEnvironment(Map<String, String> env, Path dataDir) {
        String url = env.get("SEEKFIX_DB_URL");
        if (url == null || url.isBlank()) return embedded(dataDir);
        return new DatabaseSettings(url.trim(), env.getOrDefault("SEEKFIX_DB_USER", ""),
                env.getOrDefault("SEEKFIX_DB_PASSWORD", ""));
    }

    /** The URL without credentials that some drivers accept inline, for logs. */
    public String describe() {
        return kind + " " + url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", user=" + user + "]";
    }
}
