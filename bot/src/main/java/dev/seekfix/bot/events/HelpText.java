package dev.seekfix.bot.events;

/** The command list users see on {@code /help} and after an unknown command. */
public final class HelpText {
    private HelpText() {
    }

    public static String full(String slug) {
        return """
                **seekfix commands** (also as `@%s <command>`):

                | command | what it does |
                |---|---|
                | `/review` | review the pull request now (updates the review of this head instead of repeating it) |
                | `/describe` | write a description and walkthrough into a marked section of the PR body |
                | `/explain [path[:lines]]` | explain the changes, a file or some lines (in a review thread: those lines) |
                | `/ask <question>` | answer a question about the changes (in a review thread: about those lines) |
                | `/test [path]` | write unit tests for the changes |
                | `/docstring [path]` | propose documentation comments as committable suggestions |
                | `/translate <language> [path]` | translate the changed code into another language |
                | `/fix` | fix the findings of the last seekfix review as suggestions (needs write permission) |
                | `/config` | show the configuration in use and where it comes from |
                | `/pause`, `/resume` | stop or restart automatic reviews on this pull request |
                | `/help` | this list |
                """.formatted(slug);
    }

    public static String unknown(String problem) {
        return problem + ". Commands: `/review`, `/describe`, `/explain`, `/ask`, `/test`, `/docstring`, `/translate`, "
                + "`/fix`, `/config`, `/pause`, `/resume`; `/help` explains them.";
    }
}
