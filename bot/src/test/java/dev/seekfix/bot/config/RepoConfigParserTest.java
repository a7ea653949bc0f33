package dev.seekfix.bot.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoConfigParserTest {
    final RepoConfigParser parser = new RepoConfigParser();

    @Test
    void readsTheDesignExample() throws Exception {
        RepoConfig c = parser.parse("""
                review:   { auto: true, on_push: incremental, max_comments: 10, min_confidence: 0.6,
                            ignore: ["**/*.lock", "dist/**"], instructions: "Prefer records over POJOs." }
                fix:      { auto: true, mode: pull_request, max_attempts: 2 }
                commands: { allowed: [OWNER, MEMBER, COLLABORATOR] }
                """);
        assertThat(c.review().instructions()).isEqualTo("Prefer records over POJOs.");
        assertThat(c.fix().mode()).isEqualTo(RepoConfig.FixMode.PULL_REQUEST);
        assertThat(c.commands().allowed()).containsExactly("OWNER", "MEMBER", "COLLABORATOR");
    }

    @Test
    void emptyFileAndMissingKeysKeepDefaults() throws Exception {
        assertThat(parser.parse("")).isEqualTo(RepoConfig.defaults());
        assertThat(parser.parse("review:\n  max_comments: 3\n").review().minConfidence()).isEqualTo(0.6);
    }

    @Test
    void reportsEveryErrorWithItsKey() {
        assertThatThrownBy(() -> parser.parse("review:\n  max_coments: 3\n  min_confidence: 2\nfix:\n  mode: yolo\ncommands:\n  allowed: [owner, ROBOT]\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("unknown key 'review.max_coments'")
                .hasMessageContaining("'review.min_confidence' must be a number from 0.0 to 1.0")
                .hasMessageContaining("'fix.mode' must be one of [suggest, pull_request, commit]")
                .hasMessageContaining("'commands.allowed' has 'ROBOT'");
    }

    @Test
    void reportsBrokenYamlWithItsPosition() {
        assertThatThrownBy(() -> parser.parse("review: [\n")).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("not valid YAML").hasMessageContaining("line");
    }

    @Test
    void loaderFallsBackToDefaultsAndKeepsTheProblem() {
        LoadedConfig loaded = new RepoConfigLoader().parse("review: 3", "x on main");
        assertThat(loaded.config()).isEqualTo(RepoConfig.defaults());
        assertThat(loaded.problem()).hasValueSatisfying(p -> assertThat(p).contains("'review' must be a mapping"));
    }
}
