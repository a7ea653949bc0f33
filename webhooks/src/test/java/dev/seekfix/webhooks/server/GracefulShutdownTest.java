package dev.seekfix.webhooks.server;

import dev.seekfix.webhooks.IntakeSettings;
import dev.seekfix.webhooks.queue.Outcome;
import dev.seekfix.webhooks.support.Eventually;
import dev.seekfix.webhooks.support.RunningIntake;
import dev.seekfix.webhooks.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GracefulShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void shutdownLetsTheRunningJobFinishThenAcceptsNothingMore() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        RunningIntake intake = RunningIntake.start(dataDir, TestDatabases.h2(dataDir), delivery -> {
            started.countDown();
            Thread.sleep(1500);
            finished.set(true);
            return new Outcome.Done("slow");
        }, RunningIntake.fastRetry(3), Optional.empty());
        int port = intake.port();
        String id = UUID.randomUUID().toString();
        assertThat(intake.sender().send("ping", id, "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
        Eventually.await(Duration.ofSeconds(30), () -> started.getCount() == 0, () -> "handler never started");

        intake.close();

        assertThat(finished).as("close() waited for the running job").isTrue();
        assertThatThrownBy(() -> intake.sender().send("ping", "{}".getBytes(StandardCharsets.UTF_8)))
                .as("nothing is acknowledged after shutdown").isInstanceOf(UncheckedIOException.class);
        assertThat(port).isPositive();
    }

    @Test
    void settingsNeverPrintSecrets() {
        IntakeSettings settings = IntakeSettings.fromEnvironment(Map.of(
                "SEEKFIX_WEBHOOK_SECRET", "super-secret-webhook-value",
                "SEEKFIX_ADMIN_TOKEN", "super-secret-admin-token",
                "SEEKFIX_DB_URL", "jdbc:postgresql://db/seekfix?password=hunter2",
                "SEEKFIX_DB_PASSWORD", "hunter3",
                "SEEKFIX_DATA_DIR", dataDir.toString()));
        assertThat(settings.toString()).doesNotContain("super-secret-webhook-value", "super-secret-admin-token",
                "hunter2", "hunter3");
    }
}
