package dev.seekfix.bot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.fake.FakeGitHub;
import dev.seekfix.bot.fake.OpenApiContract;
import dev.seekfix.bot.fake.ScriptedCodeModel;
import dev.seekfix.bot.fake.TestBot;
import dev.seekfix.bot.github.PrivateKeys;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The manifest flow through a real server: the form, GitHub's callback, the stored credentials. */
class SetupPagesTest {
    @TempDir
    Path dataDir;
    FakeGitHub github;
    Javalin server;
    BotAssembly bot;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        assumeTrue(OpenApiContract.file().isPresent(), "shared/fixtures/github is missing");
        String pem = TestBot.resource("/keys/app-key-pkcs1.pem");
        github = new FakeGitHub(OpenApiContract.load(), 99, "my-seekfix", PrivateKeys.publicKeyOf(PrivateKeys.parse(pem, "k")));
        BotSettings settings = BotSettings.fromEnvironment(Map.of("SEEKFIX_DATA_DIR", dataDir.toString(),
                "SEEKFIX_GITHUB_API_URL", github.apiUrl().toString(), "SEEKFIX_ADMIN_TOKEN", "admin-secret"));
        bot = new BotAssembly(settings, new ScriptedCodeModel(8192));
        server = Javalin.create(c -> bot.routes().forEach(r -> r.contribute(c.routes))).start(0);
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        if (github != null) github.close();
    }

    String get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(expectedStatus);
        return response.body();
    }

    @Test
    void manifestFlowStoresTheCredentialsOwnerOnlyAndSwitchesTheWebhookSecretOn() throws Exception {
        assertThat(bot.webhookSecret().get()).isEmpty();
        String form = get("/setup", 200);
        Matcher state = Pattern.compile("settings/apps/new\\?state=([0-9a-f]+)").matcher(form);
        assertThat(state.find()).isTrue();
        Matcher manifest = Pattern.compile("name=\"manifest\" value=\"([^\"]+)\"").matcher(form);
        assertThat(manifest.find()).isTrue();
        JsonNode sent = new ObjectMapper().readTree(manifest.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
        assertThat(sent.path("hook_attributes").path("url").asText()).endsWith("/webhooks/github");
        assertThat(sent.path("redirect_url").asText()).endsWith("/setup/callback");
        assertThat(sent.path("default_events")).extracting(JsonNode::asText).contains("pull_request", "issue_comment");

        String pem = TestBot.resource("/keys/app-key-pkcs1.pem");
        github.manifestCodes.put("abc123", new ObjectMapper().createObjectNode().put("id", 99).put("slug", "my-seekfix")
                .put("pem", pem).put("webhook_secret", "whsec-from-github").put("client_id", "Iv1.x")
                .put("html_url", "https://github.com/apps/my-seekfix"));
        String done = get("/setup/callback?code=abc123&state=" + state.group(1), 200);

        assertThat(done).contains("my-seekfix").contains("https://github.com/apps/my-seekfix/installations/new");
        assertThat(bot.webhookSecret().get()).contains("whsec-from-github");
        assertThat(bot.credentials().current()).hasValueSatisfying(c -> assertThat(c.appId()).isEqualTo(99));
        for (Path file : new Path[]{dataDir.resolve("app.json"), dataDir.resolve("app-key.pem")}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(dataDir.resolve("app-key.pem"))).isEqualTo(pem);
        assertThat(github.contractViolations).isEmpty();
        get("/setup", 200);
    }

    @Test
    void callbackWithoutTheStateOfThisSetupIsRefused() throws Exception {
        get("/setup/callback?code=abc123&state=forged", 400);
        assertThat(bot.credentials().configured()).isFalse();
        assertThat(github.requests).isEmpty();
    }

    @Test
    void dashboardNeedsTheAdminToken() throws Exception {
        get("/", 401);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/"))
                .header("Authorization", "Bearer admin-secret").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("scripted-test-model").contains("register one");
    }

    @Test
    void deployManifestAndTheBundledManifestAskForTheSamePermissionsAndEvents() throws Exception {
        Path deploy = Path.of(System.getProperty("seekfix.projectRoot", ".."), "deploy", "app-manifest.json");
        assumeTrue(Files.exists(deploy), "deploy/app-manifest.json not found from " + deploy);
        ObjectMapper json = new ObjectMapper();
        JsonNode shipped = json.readTree(deploy.toFile());
        JsonNode bundled = json.readTree(SetupPages.class.getResourceAsStream("/manifest/app-manifest.json"));
        assertThat(bundled.path("default_permissions")).isEqualTo(shipped.path("default_permissions"));
        assertThat(bundled.path("default_events")).isEqualTo(shipped.path("default_events"));
    }
}
