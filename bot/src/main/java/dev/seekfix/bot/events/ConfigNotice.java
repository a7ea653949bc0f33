package dev.seekfix.bot.events;

import dev.seekfix.bot.config.LoadedConfig;
import dev.seekfix.bot.config.RepoConfig;
import dev.seekfix.bot.publish.Markers;

import java.util.Locale;

/**
 * One comment per PR and version of an invalid {@code .github/seekfix.yml}: it quotes the error and shows the
 * defaults used instead.
 */
public final class ConfigNotice {
    private ConfigNotice() {
    }

    public static void postOnce(EventContext ctx, int pr) {
        LoadedConfig loaded = ctx.config();
        if (loaded.problem().isEmpty()) return;
        String marker = Markers.configError(loaded.fileSha());
        boolean posted = ctx.repo().issueComments(pr).stream().anyMatch(c -> c.byBot(ctx.botLogin()) && c.body().contains(marker));
        if (posted) return;
        ctx.repo().createIssueComment(pr, """
                seekfix could not use `.github/seekfix.yml` from the default branch:

                > %s

                Until it is fixed, seekfix uses its defaults:

                ```yaml
                %s
                ```
                %s""".formatted(loaded.problem().get().replace("\n", "\n> "), yaml(RepoConfig.defaults()).strip(), marker));
    }

    /** The config as the YAML a user would write. */
    public static String yaml(RepoConfig c) {
        return """
                review:
                  auto: %s
                  on_push: %s
                  drafts: %s
                  max_comments: %d
                  min_confidence: %s
                  max_model_calls: %d
                  ignore: [%s]
                  instructions: "%s"
                fix:
                  auto: %s
                  mode: %s
                  max_attempts: %d
                commands:
                  allowed: [%s]
                """.formatted(c.review().auto(), lower(c.review().onPush()), c.review().drafts(), c.review().maxComments(),
                c.review().minConfidence(), c.review().maxModelCalls(),
                String.join(", ", c.review().ignore().stream().map(g -> "\"" + g + "\"").toList()),
                c.review().instructions().replace("\"", "\\\"").replace("\n", "\\n"),
                c.fix().auto(), lower(c.fix().mode()), c.fix().maxAttempts(), String.join(", ", c.commands().allowed()));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
