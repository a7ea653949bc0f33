package dev.seekfix.bot.app;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotSettingsTest {
    @Test
    void defaultsMatchTheDesign() {
        BotSettings s = BotSettings.fromEnvironment(Map.of());
        assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(s.githubApiUrl()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(s.githubWebUrl()).isEqualTo(URI.create("https://github.com"));
        assertThat(s.model()).isEqualTo(new ModelChoice.Demo());
    }

    @Test
    void enterpriseApiUrlGivesItsWebUrl() {
        BotSettings s = BotSettings.fromEnvironment(Map.of("SEEKFIX_GITHUB_API_URL", "https://ghe.example.com/api/v3/"));
        assertThat(s.githubApiUrl()).isEqualTo(URI.create("https://ghe.example.com/api/v3"));
        assertThat(s.githubWebUrl()).isEqualTo(URI.create("https://ghe.example.com"));
    }

    @Test
    void readsModelChoices() {
        assertThat(BotSettings.fromEnvironment(Map.of("SEEKFIX_MODEL", "openai:http://localhost:8000/v1", "SEEKFIX_MODEL_NAME", "m")).model())
                .isEqualTo(new ModelChoice.OpenAi(URI.create("http://localhost:8000/v1")));
        assertThat(BotSettings.fromEnvironment(Map.of("SEEKFIX_MODEL", "/models/coder.gguf")).model())
                .isEqualTo(new ModelChoice.Gguf(Path.of("/models/coder.gguf")));
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertThatThrownBy(() -> BotSettings.fromEnvironment(Map.of("SEEKFIX_APP_ID", "abc", "SEEKFIX_PRIVATE_KEY_FILE", "k.pem")))
                .hasMessageContaining("SEEKFIX_APP_ID must be a positive whole number, found 'abc'");
        assertThatThrownBy(() -> BotSettings.fromEnvironment(Map.of("SEEKFIX_APP_ID", "12")))
                .hasMessageContaining("SEEKFIX_APP_ID and SEEKFIX_PRIVATE_KEY_FILE go together");
        assertThatThrownBy(() -> BotSettings.fromEnvironment(Map.of("SEEKFIX_MODEL", "openai:localhost")))
                .hasMessageContaining("SEEKFIX_MODEL must be an http(s) URL");
        assertThatThrownBy(() -> BotSettings.fromEnvironment(Map.of("SEEKFIX_MODEL", "openai:http://h:1")))
                .hasMessageContaining("needs SEEKFIX_MODEL_NAME");
        assertThatThrownBy(() -> BotSettings.fromEnvironment(Map.of("SEEKFIX_MODEL", "model.bin")))
                .hasMessageContaining(".gguf");
    }

    @Test
    void toStringHidesSecrets() {
        BotSettings s = BotSettings.fromEnvironment(Map.of("SEEKFIX_MODEL_API_KEY", "sk-secret", "SEEKFIX_ADMIN_TOKEN", "t0k",
                "SEEKFIX_WEBHOOK_SECRET", "whsec"));
        assertThat(s.toString()).doesNotContain("sk-secret").doesNotContain("t0k").doesNotContain("whsec");
    }
}
