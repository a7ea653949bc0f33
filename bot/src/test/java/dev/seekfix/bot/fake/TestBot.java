package dev.seekfix.bot.fake;

import dev.seekfix.bot.app.BotAssembly;
import dev.seekfix.bot.app.BotSettings;
import dev.seekfix.bot.events.CiFailureFixer;
import dev.seekfix.bot.github.PrivateKeys;
import dev.seekfix.bot.github.RateLimitPolicy;
import dev.seekfix.bot.model.CodeModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bot wired against a {@link FakeGitHub}: App id 4242, slug seekfix-test, installation 77, waits recorded. */
public final class TestBot implements AutoCloseable {
    public static final long APP_ID = 4242;
    public static final long INSTALLATION = 77;
    public static final String SLUG = "seekfix-test";

    public final FakeGitHub github;
    public final BotAssembly bot;
    public final List<Duration> waits = new CopyOnWriteArrayList<>();

    public TestBot(Path dataDir, CodeModel model) {
        String pem = resource("/keys/app-key-pkcs1.pem");
        this.github = new FakeGitHub(OpenApiContract.load(), APP_ID, SLUG, PrivateKeys.publicKeyOf(PrivateKeys.parse(pem, "test key")));
        github.installations.add(INSTALLATION);
        try {
            Files.createDirectories(dataDir);
            Path key = dataDir.resolve("env-key.pem");
            Files.writeString(key, pem);
            BotSettings settings = BotSettings.fromEnvironment(Map.of(
                    "SEEKFIX_DATA_DIR", dataDir.toString(),
                    "SEEKFIX_GITHUB_API_URL", github.apiUrl().toString(),
                    "SEEKFIX_APP_ID", Long.toString(APP_ID),
                    "SEEKFIX_PRIVATE_KEY_FILE", key.toString(),
                    "SEEKFIX_WEBHOOK_SECRET", "test-secret"));
            // The slug comes from app.json when /setup wrote it; with environment credentials it is given here.
            Files.writeString(dataDir.resolve("app.json"), "{\"slug\":\"" + SLUG + "\"}");
            this.bot = new BotAssembly(settings, model, services -> CiFailureFixer.NONE, Clock.systemUTC(), waits::add,
                    new RateLimitPolicy(4, Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ZERO));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String name) {
        try (InputStream in = TestBot.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        github.close();
    }
}
