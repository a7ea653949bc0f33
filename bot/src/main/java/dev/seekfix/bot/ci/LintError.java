package dev.seekfix.bot.ci;

import java.util.List;

/**
 * An error (not a warning) from a linter.
 *
 * @param rule the rule id, e.g. {@code no-unused-vars}; empty when the linter printed none
 */
public record LintError(String tool, SourceLocation location, String rule, String message) implements FailureFact {

    @Override
    public List<String> paths() {
        return List.of(location.path());
    }

    @Override
    public String headline() {
        return location + " " + message + (rule.isEmpty() ? "" : " (" + rule + ")");
    }

    @Override
    public String signature() {
        return tool + "|" + location.path() + "|" + rule + "|" + message;
    }
}
