package dev.seekfix.webhooks.recovery;

import dev.seekfix.webhooks.db.DatabaseSettings;
import dev.seekfix.webhooks.support.Eventually;
import dev.seekfix.webhooks.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 a server while its handler runs, start it again: every acknowledged delivery is handled, none twice
 * to completion. Real child processes, real databases.
 */
class CrashRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final byte[] BODY = "{\"action\":\"opened\",\"repository\":{\"full_name\":\"octo/repo\"}}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void restartedServerFinishesWhatACrashInterruptedOnH2() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SEEKFIX_DATA_DIR", dir.resolve("data").toString());
        crashAndRestart(env);
    }

    @Test
    void restartedServerFinishesWhatACrashInterruptedOnPostgres() throws Exception {
        DatabaseSettings pg = TestDatabases.freshPostgresSchema();
        try {
            Map<String, String> env = postgresEnv(pg);
            crashAndRestart(env);
        } finally {
            TestDatabases.dropPostgresSchema(pg);
        }
    }

    @Test
    void twoServersOnOnePostgresHandleEachDeliveryOnceAndTheSurvivorFinishesTheKilledOnesJob() throws Exception {
        DatabaseSettings pg = TestDatabases.freshPostgresSchema();
        Journal journal = new Journal(dir.resolve("journal.txt"));
        try {
            Map<String, String> env = postgresEnv(pg);
            env.put("SEEKFIX_TEST_HANDLER_MS", "400");
            env.put("SEEKFIX_TEST_JOURNAL", journal.file().toString());
            try (ServerProcess a = ServerProcess.start(dir.resolve("a.log"), env);
                 ServerProcess b = ServerProcess.start(dir.resolve("b.log"), env)) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    String id = UUID.randomUUID().toString();
                    ServerProcess target = i % 2 == 0 ? a : b;
                    assertThat(target.sender().send("pull_request", id, BODY).statusCode()).isEqualTo(202);
                    ids.add(id);
                }
                Eventually.await(WAIT, () -> journal.completionsById().keySet().containsAll(ids),
                        () -> "completed " + journal.completionsById().size() + " of " + ids.size());
                assertThat(journal.completionsById().values()).as("each delivery completed once").allMatch(n -> n == 1);
                assertThat(journal.starts()).as("each delivery started once").hasSize(ids.size());
                assertThat(journal.starts()).as("both replicas took work")
                        .anyMatch(l -> l.endsWith("pid=" + a.pid)).anyMatch(l -> l.endsWith("pid=" + b.pid));

                // Now kill one replica while it holds a job; the other must finish that job.
                env.put("SEEKFIX_TEST_HANDLER_MS", "4000");
                List<String> more = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String id = UUID.randomUUID().toString();
                    assertThat(a.sender().send("pull_request", id, BODY).statusCode()).isEqualTo(202);
                    more.add(id);
                }
                Eventually.await(WAIT, () -> journal.starts().stream().anyMatch(l -> more.contains(l.split(" ")[1])
                        && l.endsWith("pid=" + a.pid) && !journal.completionsById().containsKey(l.split(" ")[1])),
                        () -> "replica A never started a job");
                a.kill();
                List<String> orphaned = journal.unfinishedIn(a.pid);
                assertThat(orphaned).isNotEmpty();
                Eventually.await(WAIT, () -> journal.completionsById().keySet().containsAll(more),
                        () -> "after the kill, completed " + more.stream().filter(journal.completionsById()::containsKey).count()
                                + " of " + more.size());
                for (String id : orphaned) {
                    assertThat(journal.starts()).as("the survivor recovered %s", id)
                            .anyMatch(l -> l.startsWith("start " + id) && l.contains("recovery=true") && l.endsWith("pid=" + b.pid));
                }
                assertThat(journal.completionsById().values()).allMatch(n -> n == 1);
            }
        } finally {
            TestDatabases.dropPostgresSchema(pg);
        }
    }

    private void crashAndRestart(Map<String, String> env) throws Exception {
        Journal journal = new Journal(dir.resolve("journal.txt"));
        env.put("SEEKFIX_TEST_JOURNAL", journal.file().toString());
        env.put("SEEKFIX_TEST_HANDLER_MS", "3000");
        env.put("SEEKFIX_WORKERS", "2");
        List<String> ids = new ArrayList<>();
        long firstPid;
        try (ServerProcess first = ServerProcess.start(dir.resolve("first.log"), env)) {
            firstPid = first.pid;
            for (int i = 0; i < 6; i++) {
                String id = UUID.randomUUID().toString();
                assertThat(first.sender().send("pull_request", id, BODY).statusCode()).isEqualTo(202);
                ids.add(id);
            }
            Eventually.await(WAIT, () -> !journal.starts().isEmpty(), () -> "no handler started");
            first.kill();
        }
        List<String> interrupted = journal.unfinishedIn(firstPid);
        assertThat(ids).hasSize(6);
        assertThat(interrupted).as("the crash interrupted a running handler").isNotEmpty();

        env.put("SEEKFIX_TEST_HANDLER_MS", "100");
        try (ServerProcess second = ServerProcess.start(dir.resolve("second.log"), env)) {
            Eventually.await(WAIT, () -> journal.completionsById().keySet().containsAll(ids),
                    () -> "completed " + journal.completionsById().size() + " of " + ids.size() + "; journal " + journal.lines());
            ServerProcess.sleep(1500);
            assertThat(journal.completionsById()).as("none handled twice to completion").allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            for (String id : interrupted) {
                assertThat(journal.starts()).as("%s rerun as a recovery", id)
                        .anyMatch(l -> l.startsWith("start " + id) && l.contains("recovery=true") && l.endsWith("pid=" + second.pid));
            }
        }
    }

    private static Map<String, String> postgresEnv(DatabaseSettings pg) {
        Map<String, String> env = new HashMap<>();
        env.put("SEEKFIX_DB_URL", pg.url());
        env.put("SEEKFIX_DB_USER", pg.user());
        env.put("SEEKFIX_DB_PASSWORD", pg.password());
        env.put("SEEKFIX_CLUSTER_CHECKIN_MS", "1000");
        env.put("SEEKFIX_DATA_DIR", System.getProperty("java.io.tmpdir"));
        return env;
    }
}
