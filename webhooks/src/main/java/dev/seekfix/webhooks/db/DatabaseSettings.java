package dev.seekfix.webhooks.db;

import java.nio.file.Path;
import java.util.Map;

/** Where the delivery store and the queue live. The password is never printed. */
public record DatabaseSettings(String url, String user, String password) {

    /** Checks the URL names a supported database (the message says what to do otherwise). */
    public DatabaseSettings {
        DatabaseKind.ofJdbcUrl(url);
    }

    public DatabaseKind kind() {
        return DatabaseKind.ofJdbcUrl(url);
    }

    /**
     * H2 file database {@code seekfix} in {@code dataDir}. {@code WRITE_DELAY=0} writes each commit to the file
     * before the commit returns: H2's default (500 ms) loses the last commits when the process is killed, and a
     * delivery is acknowledged only once it is durable (found by the kill -9 recovery test).
     */
    public static DatabaseSettings embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("seekfix").toString();
        return new DatabaseSettings("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "");
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
        return kind() + " " + url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", user=" + user + "]";
    }
}
