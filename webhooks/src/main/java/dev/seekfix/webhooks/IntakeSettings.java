package dev.seekfix.webhooks;

import dev.seekfix.webhooks.db.DatabaseKind;
import dev.seekfix.webhooks.db.DatabaseSettings;
import dev.seekfix.webhooks.queue.QueueSettings;
import dev.seekfix.webhooks.queue.RetryPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the intake needs to run, read once from the environment (DESIGN.md, Configuration). Secrets are kept
 * out of {@link #toString()}.
 */
public record IntakeSettings(String host, int port, Path dataDir, DatabaseSettings database,
                             Optional<String> webhookSecret, Optional<String> adminToken, QueueSettings queue) {

    public static IntakeSettings fromEnvironment(Map<String, String> env) {
        int port = integer(env, "SEEKFIX_PORT", 8080, 0, 65535);
        Path dataDir = Path.of(env.getOrDefault("SEEKFIX_DATA_DIR", "./data")).toAbsolutePath().normalize();
        DatabaseSettings database = DatabaseSettings.fromEnvironment(env, dataDir);
        boolean clustered = bool(env, "SEEKFIX_CLUSTERED", database.kind() == DatabaseKind.POSTGRESQL);
        RetryPolicy retry = new RetryPolicy(
                integer(env, "SEEKFIX_MAX_ATTEMPTS", 5, 1, 100),
                Duration.ofMillis(integer(env, "SEEKFIX_RETRY_BASE_MS", 10_000, 1, Integer.MAX_VALUE)),
                Duration.ofMillis(integer(env, "SEEKFIX_RETRY_MAX_MS", 900_000, 1, Integer.MAX_VALUE)));
        QueueSettings queue = new QueueSettings(
                env.getOrDefault("SEEKFIX_QUEUE_NAME", "seekfix"),
                integer(env, "SEEKFIX_WORKERS", 4, 1, 256),
                clustered,
                Duration.ofMillis(integer(env, "SEEKFIX_CLUSTER_CHECKIN_MS", 7_000, 100, Integer.MAX_VALUE)),
                Duration.ofMillis(integer(env, "SEEKFIX_POLL_MS", 1000, 1000, 60_000)),
                Duration.ofSeconds(integer(env, "SEEKFIX_SHUTDOWN_GRACE_S", 30, 0, 3600)),
                retry);
        return new IntakeSettings(env.getOrDefault("SEEKFIX_HOST", "0.0.0.0"), port, dataDir, database,
                optional(env, "SEEKFIX_WEBHOOK_SECRET"), optional(env, "SEEKFIX_ADMIN_TOKEN"), queue);
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) throw new NumberFormatException();
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("%s must be an integer in %d..%d, found '%s'".formatted(name, min, max, value));
        }
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException("%s must be true or false, found '%s'".formatted(name, value));
        };
    }

    @Override
    public String toString() {
        return "IntakeSettings[host=%s, port=%d, dataDir=%s, database=%s, webhookSecret=%s, adminToken=%s, queue=%s]"
                .formatted(host, port, dataDir, database.describe(), webhookSecret.isPresent() ? "***" : "unset",
                        adminToken.isPresent() ? "***" : "unset", queue);
    }
}
