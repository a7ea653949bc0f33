package dev.seekfix.bot.ci;

import java.util.List;

/**
 * An error from a compiler or type checker.
 *
 * @param code    the tool's error code ({@code TS2322}, {@code E0308}), empty when it has none
 * @param message the message, with continuation lines (javac's {@code symbol:}/{@code location:}) joined by newlines
 */
public record CompileError(String tool, SourceLocation location, String code, String message) implements FailureFact {

    @Override
    public List<String> paths() {
        return List.of(location.path());
    }

    @Override
    public String headline() {
        String firstLine = message.lines().findFirst().orElse("");
        return location + " " + (code.isEmpty() ? "" : code + " ") + firstLine;
    }

    @Override
    public String signature() {
        return tool + "|" + location.path() + "|" + code + "|" + message.lines().findFirst().orElse("");
    }
}
