package dev.seekfix.bot.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.bot.ci.JobLogs;
import dev.seekfix.bot.config.RepoConfigLoader;
import dev.seekfix.bot.events.EventContext;
import dev.seekfix.bot.github.AppCredentials;
import dev.seekfix.bot.github.GitHubApp;
import dev.seekfix.bot.github.GitHubRest;
import dev.seekfix.bot.github.InstallationTokens;
import dev.seekfix.bot.github.RateLimitPolicy;
import dev.seekfix.bot.github.RepoClient;
import dev.seekfix.bot.prompts.PromptTemplates;
import dev.seekfix.webhooks.queue.Delivery;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The CI fixer wired against {@link FakeCiGitHub} the way the bot wires it: hub4j installation tokens, the REST
 * transport, the repository's config from its default branch, an H2 attempt table and a scripted model.
 */
final class FixFlow implements AutoCloseable {

    static final String SLUG = "seekfix-test";

    final FakeCiGitHub github = new FakeCiGitHub(SLUG);
    final ScriptedCodeModel model = new ScriptedCodeModel();
    final JdbcAttemptLedger ledger;
    final CiAutoFix fixer;
    final RepoClient repo;
    private final ObjectMapper json = new ObjectMapper();

    FixFlow(Path work, SandboxSettings sandbox, HeadCheckout checkout, VerifyCommands verify) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ledger = new JdbcAttemptLedger(db, Clock.systemUTC()).createSchema();
        RateLimitPolicy policy = new RateLimitPolicy(2, Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ZERO);
        GitHubRest rest = new GitHubRest(github.apiUrl(), HttpClient.newHttpClient(), json, policy, d -> { }, Clock.systemUTC());
        AppCredentials credentials = new AppCredentials(4242, SLUG, pkcs8Pem(), "secret", Optional.empty(), Optional.empty());
        InstallationTokens tokens = new InstallationTokens(() -> Optional.of(credentials), github.apiUrl(), Clock.systemUTC(), policy);
        GitHubApp app = new GitHubApp(rest, tokens);
        repo = app.repo(FakeCiGitHub.INSTALLATION, FakeCiGitHub.REPO);
        JobLogs logs = new JobLogs(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                github.apiUrl(), 1 << 20, Duration.ofSeconds(10));
        FixServerSettings settings = new FixServerSettings(sandbox, verify, 2, PatchLimits.DEFAULT, work.resolve("patches"));
        SandboxVerifier verifier = new SandboxVerifier(sandbox, checkout, new SandboxRunner(System.getenv()));
        fixer = new CiAutoFix(rest, tokens::token, logs, model, new PromptTemplates(), json, ledger, settings, verifier);
    }

    FixFlow(Path work) {
        this(work, SandboxSettings.off(work.resolve("sandbox")),
                (r, i, p, s, d) -> { throw new AssertionError("no checkout without a sandbox"); }, VerifyCommands.NONE);
    }

    void config(String yaml) {
        github.files("main", java.util.Map.of(".github/seekfix.yml", yaml));
    }

    /** GitHub's own workflow_run.completed example, made into a failure of {@code run} on {@code pulls}. */
    JsonNode workflowRunPayload(FakeCiGitHub.Run run, List<Integer> pulls, String authorName, String message) {
        ObjectNode payload = example("workflow_run", "completed", true).deepCopy();
        ObjectNode wr = (ObjectNode) payload.path("workflow_run");
        wr.put("id", run.id()).put("name", run.name()).put("conclusion", "failure").put("status", "completed")
                .put("head_sha", run.headSha()).put("head_branch", "feature")
                .put("html_url", "https://github.com/" + FakeCiGitHub.REPO + "/actions/runs/" + run.id());
        ObjectNode commit = (ObjectNode) wr.path("head_commit");
        commit.put("id", run.headSha()).put("message", message);
        ((ObjectNode) commit.path("author")).put("name", authorName).put("email", authorName.toLowerCase() + "@example.com");
        ((ObjectNode) commit.path("committer")).put("name", authorName).put("email", authorName.toLowerCase() + "@example.com");
        ArrayNode prs = wr.putArray("pull_requests");
        for (int n : pulls) {
            ObjectNode pr = prs.addObject().put("number", n);
            pr.putObject("head").put("sha", run.headSha()).put("ref", "feature");
        }
        ((ObjectNode) payload.path("repository")).put("full_name", FakeCiGitHub.REPO);
        payload.putObject("installation").put("id", FakeCiGitHub.INSTALLATION);
        return payload;
    }

    JsonNode checkSuitePayload(long suiteId, String headSha, String app) {
        ObjectNode payload = example("check_suite", "completed", false).deepCopy();
        ObjectNode suite = (ObjectNode) payload.path("check_suite");
        suite.put("id", suiteId).put("conclusion", "failure").put("head_sha", headSha).put("head_branch", "feature");
        ((ObjectNode) suite.path("app")).put("slug", app);
        suite.putArray("pull_requests");
        ((ObjectNode) suite.path("head_commit")).put("id", headSha);
        return payload;
    }

    EventContext context(String event, JsonNode payload) {
        return context(event, payload, UUID.randomUUID().toString(), false);
    }

    EventContext context(String event, JsonNode payload, String deliveryId, boolean replay) {
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        Delivery delivery = new Delivery(deliveryId, event, payload.path("action").asText(null), FakeCiGitHub.INSTALLATION,
                FakeCiGitHub.REPO, Instant.now(), body, 1, false, replay);
        return new EventContext(delivery, payload, repo, github.botLogin, new RepoConfigLoader());
    }

    private static JsonNode examples;

    /** An example payload from the shared fixtures (GitHub's documentation examples, via @octokit/webhooks-examples). */
    static synchronized JsonNode example(String event, String action, boolean withPullRequests) {
        if (examples == null) {
            Path file = Path.of(System.getProperty("seekfix.fixtures", "../shared/fixtures"), "github",
                    "webhooks-examples-api.github.com.json");
            Assumptions.assumeTrue(Files.exists(file), "shared fixture " + file + " is absent; set -Dseekfix.fixtures");
            try {
                examples = new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
        for (JsonNode e : examples) {
            if (!e.path("name").asText().equals(event)) continue;
            for (JsonNode ex : e.path("examples")) {
                JsonNode body = ex.path(event);
                if (ex.path("action").asText().equals(action) && (!withPullRequests || body.path("pull_requests").size() > 0)) {
                    return ex;
                }
            }
        }
        throw new IllegalStateException("no " + event + "." + action + " example in the fixtures");
    }

    private static String pem;

    private static synchronized String pkcs8Pem() {
        if (pem != null) return pem;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
            return pem;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        github.close();
    }
}
