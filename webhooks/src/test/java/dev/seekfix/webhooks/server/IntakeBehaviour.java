package dev.seekfix.webhooks.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.webhooks.db.DatabaseSettings;
import dev.seekfix.webhooks.queue.Delivery;
import dev.seekfix.webhooks.queue.Outcome;
import dev.seekfix.webhooks.support.Eventually;
import dev.seekfix.webhooks.support.Fixtures;
import dev.seekfix.webhooks.support.Fixtures.Example;
import dev.seekfix.webhooks.support.RecordingHandler;
import dev.seekfix.webhooks.support.RunningIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the intake promises (DESIGN.md, HTTP contract), checked against a real server and a real database. */
abstract class IntakeBehaviour {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> EVENTS = Set.of("pull_request", "issue_comment", "pull_request_review_comment",
            "check_run", "check_suite", "workflow_run", "workflow_job", "installation", "ping");

    @TempDir
    Path dataDir;

    RecordingHandler handler;
    RunningIntake intake;
    DatabaseSettings database;

    abstract DatabaseSettings database(Path dataDir);

    void dropDatabase(DatabaseSettings settings) {
    }

    @BeforeEach
    void startIntake() throws Exception {
        handler = new RecordingHandler();
        database = database(dataDir);
        intake = RunningIntake.start(dataDir, database, handler, RunningIntake.fastRetry(3), Optional.of(RunningIntake.ADMIN_TOKEN));
    }

    @AfterEach
    void stopIntake() {
        if (intake != null) intake.close();
        dropDatabase(database);
    }

    @Test
    void storesSchedulesAndHandlesEveryExamplePayload() throws Exception {
        List<Example> examples = Fixtures.webhookExamples(EVENTS);
        assertThat(examples).extracting(Example::event).containsAll(EVENTS);
        Map<String, Example> byDelivery = new HashMap<>();
        for (Example example : examples) {
            String id = UUID.randomUUID().toString();
            HttpResponse<String> response = intake.sender().send(example.event(), id, example.body());
            assertThat(response.statusCode()).as("%s: %s", example, response.body()).isEqualTo(202);
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.path("delivery").asText()).isEqualTo(id);
            assertThat(answer.path("status").asText()).isEqualTo("queued");
            byDelivery.put(id, example);
        }
        assertThat(intake.storedDeliveries()).isEqualTo(examples.size());
        Eventually.await(WAIT, () -> handler.distinctIds() == examples.size(),
                () -> "handled " + handler.distinctIds() + " of " + examples.size());
        for (Delivery delivery : handler.handled()) {
            Example example = byDelivery.get(delivery.id());
            assertThat(delivery.event()).isEqualTo(example.event());
            assertThat(delivery.body()).as("raw body kept byte for byte").isEqualTo(example.body());
            JsonNode payload = JSON.readTree(example.body());
            assertThat(delivery.action()).isEqualTo(payload.path("action").isTextual() ? payload.path("action").asText() : null);
            if (payload.path("repository").path("full_name").isTextual()) {
                assertThat(delivery.repository()).isEqualTo(payload.path("repository").path("full_name").asText());
            }
            if (payload.path("installation").path("id").canConvertToLong()) {
                assertThat(delivery.installationId()).isEqualTo(payload.path("installation").path("id").asLong());
            }
            assertThat(delivery.attempt()).isEqualTo(1);
            assertThat(delivery.recovery()).isFalse();
        }
        Eventually.await(WAIT, () -> intake.count("SELECT COUNT(*) FROM seekfix_deliveries WHERE status = 'done'") == examples.size(),
                () -> "not all deliveries marked done");
        Eventually.await(WAIT, () -> intake.scheduledJobs() == 0, () -> "finished jobs left behind in Quartz");
    }

    @Test
    void acknowledgesPingAndHandsItToTheHandler() {
        byte[] ping = Fixtures.webhookExamples(Set.of("ping")).getFirst().body();
        String id = UUID.randomUUID().toString();
        assertThat(intake.sender().send("ping", id, ping).statusCode()).isEqualTo(202);
        Eventually.await(WAIT, () -> !handler.handled(id).isEmpty(), () -> "ping not handled");
    }

    @Test
    void rejectsWrongSecretMissingSignatureSha1TruncatedHexAndAlteredBody() {
        byte[] body = "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8);
        String good = intake.sender().sign(body);
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("wrong secret", new dev.seekfix.webhooks.signature.SignatureVerifier("not the secret").sign(body));
        cases.put("missing", null);
        cases.put("sha1 only", "sha1=" + "ab".repeat(20));
        cases.put("truncated hex", good.substring(0, good.length() - 1));
        for (var entry : cases.entrySet()) {
            Map<String, String> headers = headers("pull_request", UUID.randomUUID().toString());
            if (entry.getValue() != null) headers.put("X-Hub-Signature-256", entry.getValue());
            if (entry.getKey().equals("sha1 only")) {
                headers.remove("X-Hub-Signature-256");
                headers.put("X-Hub-Signature", entry.getValue());
            }
            assertRejectedLeavingNothing(headers, body, 401, entry.getKey());
        }
        Map<String, String> altered = headers("pull_request", UUID.randomUUID().toString());
        altered.put("X-Hub-Signature-256", good);
        assertRejectedLeavingNothing(altered, "{\"action\":\"closed\"}".getBytes(StandardCharsets.UTF_8), 401, "altered body");
    }

    @Test
    void rejectsMissingHeadersAndNonJsonBodies() {
        byte[] body = "{\"zen\":\"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> noEvent = headers(null, UUID.randomUUID().toString());
        noEvent.put("X-Hub-Signature-256", intake.sender().sign(body));
        assertRejectedLeavingNothing(noEvent, body, 400, "missing X-GitHub-Event");

        Map<String, String> noDelivery = headers("ping", null);
        noDelivery.put("X-Hub-Signature-256", intake.sender().sign(body));
        assertRejectedLeavingNothing(noDelivery, body, 400, "missing X-GitHub-Delivery");

        for (String notJson : List.of("not json at all", "[1,2,3]", "{\"truncated\": ", "")) {
            byte[] bad = notJson.getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = headers("push", UUID.randomUUID().toString());
            headers.put("X-Hub-Signature-256", intake.sender().sign(bad));
            assertRejectedLeavingNothing(headers, bad, 400, "body '" + notJson + "'");
        }
    }

    @Test
    void rejectsBodiesOverTwentyFiveMebibytes() {
        byte[] huge = new byte[25 * 1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        Map<String, String> headers = headers("push", UUID.randomUUID().toString());
        headers.put("X-Hub-Signature-256", intake.sender().sign(huge));
        assertRejectedLeavingNothing(headers, huge, 413, "oversized body");
    }

    @Test
    void acceptsABodyJustUnderTheLimit() {
        byte[] big = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        String id = UUID.randomUUID().toString();
        assertThat(intake.sender().send("push", id, big).statusCode()).isEqualTo(202);
        Eventually.await(WAIT, () -> !handler.handled(id).isEmpty(), () -> "large delivery not handled");
        assertThat(handler.handled(id).getFirst().body()).isEqualTo(big);
    }

    @Test
    void redeliveryOfTheSameIdIsAcknowledgedAsDuplicateAndScheduledOnce() throws Exception {
        byte[] body = Fixtures.webhookExamples(Set.of("issue_comment")).getFirst().body();
        String id = UUID.randomUUID().toString();
        assertThat(intake.sender().send("issue_comment", id, body).statusCode()).isEqualTo(202);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> again = intake.sender().send("issue_comment", id, body);
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(again.body()).path("status").asText()).isEqualTo("duplicate");
        }
        Eventually.await(WAIT, () -> "done".equals(intake.status(id)), () -> "not done: " + intake.status(id));
        Thread.sleep(300);
        assertThat(handler.handled(id)).hasSize(1);
        assertThat(intake.storedDeliveries()).isEqualTo(1);
    }

    @Test
    void twoHundredConcurrentDeliveriesAreAllStoredAndHandledOnce() throws Exception {
        byte[] body = Fixtures.webhookExamples(Set.of("pull_request")).getFirst().body();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(pool.submit(() -> intake.sender().send("pull_request", body).statusCode()));
        }
        for (Future<Integer> status : statuses) assertThat(status.get()).isEqualTo(202);
        pool.shutdown();
        assertThat(intake.storedDeliveries()).isEqualTo(200);
        Eventually.await(WAIT, () -> handler.distinctIds() == 200, () -> "handled " + handler.distinctIds() + " of 200");
        Eventually.await(WAIT, () -> intake.count("SELECT COUNT(*) FROM seekfix_deliveries WHERE status = 'done'") == 200,
                () -> "not all done");
        assertThat(handler.handled()).hasSize(200);
    }

    @Test
    void failingHandlerIsRetriedWithBackoffUntilItsAttemptsRunOutThenDead() throws Exception {
        String id = UUID.randomUUID().toString();
        handler.script(id, d -> { throw new IllegalStateException("model server unreachable (attempt " + d.attempt() + ")"); });
        intake.sender().send("pull_request", id, "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8));
        Eventually.await(WAIT, () -> "dead".equals(intake.status(id)), () -> "status " + intake.status(id));
        List<Delivery> attempts = handler.handled(id);
        assertThat(attempts).extracting(Delivery::attempt).containsExactly(1, 2, 3);
        JsonNode record = JSON.readTree(intake.sender().get(intake.port(), "/api/deliveries/" + id, RunningIntake.ADMIN_TOKEN).body());
        assertThat(record.path("status").asText()).isEqualTo("dead");
        assertThat(record.path("attempts").asInt()).isEqualTo(3);
        assertThat(record.path("last_error").asText()).contains("model server unreachable (attempt 3)");
    }

    @Test
    void aFailureThatLaterSucceedsEndsDone() {
        String id = UUID.randomUUID().toString();
        AtomicInteger calls = new AtomicInteger();
        handler.script(id, d -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("rate limited");
            return new Outcome.Done("second time lucky");
        });
        intake.sender().send("pull_request", id, "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8));
        Eventually.await(WAIT, () -> "done".equals(intake.status(id)), () -> "status " + intake.status(id));
        assertThat(handler.handled(id)).extracting(Delivery::attempt).containsExactly(1, 2);
    }

    @Test
    void permanentFailureIsDeadAtOnceWithoutRetries() throws Exception {
        String id = UUID.randomUUID().toString();
        handler.script(id, d -> new Outcome.PermanentFailure("installation lacks pull_requests:write"));
        intake.sender().send("pull_request", id, "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8));
        Eventually.await(WAIT, () -> "dead".equals(intake.status(id)), () -> "status " + intake.status(id));
        Thread.sleep(500);
        assertThat(handler.handled(id)).hasSize(1);
    }

    @Test
    void replayRunsAFinishedDeliveryAgainOnPurpose() throws Exception {
        String id = UUID.randomUUID().toString();
        intake.sender().send("pull_request", id, "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8));
        Eventually.await(WAIT, () -> "done".equals(intake.status(id)), () -> "status " + intake.status(id));
        HttpResponse<String> replay = intake.sender().post(intake.port(), "/api/deliveries/" + id + "/replay", RunningIntake.ADMIN_TOKEN);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        Eventually.await(WAIT, () -> handler.handled(id).size() == 2, () -> "replay not handled");
        assertThat(handler.handled(id).get(1).replay()).isTrue();
        Eventually.await(WAIT, () -> "done".equals(intake.status(id)), () -> "status " + intake.status(id));
        JsonNode record = JSON.readTree(intake.sender().get(intake.port(), "/api/deliveries/" + id, RunningIntake.ADMIN_TOKEN).body());
        assertThat(record.path("replays").asInt()).isEqualTo(1);
        assertThat(intake.sender().post(intake.port(), "/api/deliveries/nope/replay", RunningIntake.ADMIN_TOKEN).statusCode())
                .isEqualTo(404);
    }

    @Test
    void adminApiListsAndShowsDeliveriesOnlyWithTheBearerToken() throws Exception {
        String id = UUID.randomUUID().toString();
        intake.sender().send("ping", id, "{\"zen\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
        Eventually.await(WAIT, () -> "done".equals(intake.status(id)), () -> "status " + intake.status(id));
        assertThat(intake.sender().get(intake.port(), "/api/deliveries", null).statusCode()).isEqualTo(401);
        assertThat(intake.sender().get(intake.port(), "/api/deliveries", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> list = intake.sender().get(intake.port(), "/api/deliveries?status=done", RunningIntake.ADMIN_TOKEN);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode deliveries = JSON.readTree(list.body()).path("deliveries");
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).path("id").asText()).isEqualTo(id);
        assertThat(deliveries.get(0).path("event").asText()).isEqualTo("ping");
        assertThat(deliveries.get(0).path("finished_at").isTextual()).isTrue();
        assertThat(intake.sender().get(intake.port(), "/api/deliveries?status=bogus", RunningIntake.ADMIN_TOKEN).statusCode())
                .isEqualTo(400);
        assertThat(intake.sender().get(intake.port(), "/api/deliveries/missing", RunningIntake.ADMIN_TOKEN).statusCode())
                .isEqualTo(404);
    }

    @Test
    void reportsHealthReadinessAndPrometheusMetrics() {
        intake.sender().send("ping", "{\"zen\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
        intake.sender().raw(headers("ping", UUID.randomUUID().toString()), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(intake.sender().get(intake.port(), "/healthz", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = intake.sender().get(intake.port(), "/readyz", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\":\"ok\"", "\"scheduler\":\"ok\"");
        Eventually.await(WAIT, () -> intake.sender().get(intake.port(), "/metrics", null).body().contains("seekfix_jobs_seconds_count"),
                () -> "no job metrics yet");
        String metrics = intake.sender().get(intake.port(), "/metrics", null).body();
        assertThat(metrics).contains("seekfix_deliveries_received_total{event=\"ping\"}",
                "seekfix_deliveries_rejected_total{reason=\"missing_signature\"}", "seekfix_queue_depth",
                "seekfix_jobs_seconds_count{outcome=\"done\"}");
    }

    private Map<String, String> headers(String event, String delivery) {
        Map<String, String> headers = new HashMap<>();
        if (event != null) headers.put("X-GitHub-Event", event);
        if (delivery != null) headers.put("X-GitHub-Delivery", delivery);
        return headers;
    }

    private void assertRejectedLeavingNothing(Map<String, String> headers, byte[] body, int status, String what) {
        long deliveries = intake.storedDeliveries();
        long jobs = intake.scheduledJobs();
        int handledBefore = handler.handled().size();
        HttpResponse<String> response = intake.sender().raw(headers, body);
        assertThat(response.statusCode()).as("%s → %s", what, response.body()).isEqualTo(status);
        assertThat(intake.storedDeliveries()).as("%s stored nothing", what).isEqualTo(deliveries);
        assertThat(intake.scheduledJobs()).as("%s scheduled nothing", what).isEqualTo(jobs);
        assertThat(handler.handled()).as("%s handled nothing", what).hasSize(handledBefore);
    }
}
