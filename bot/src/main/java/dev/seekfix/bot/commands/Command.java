package dev.seekfix.bot.commands;

import java.util.Optional;

/** A command written in a PR comment, as {@code /name args} or {@code @<app-slug> name args}. */
public sealed interface Command {

    /** Lines a command is about: given as {@code path[:a-b]}, or the lines of the review thread it was written in. */
    record Target(String path, Optional<Integer> startLine, Optional<Integer> endLine) {
        public String describe() {
            if (startLine.isEmpty()) return "`" + path + "`";
            int end = endLine.orElse(startLine.get());
            return end == startLine.get() ? "`%s` line %d".formatted(path, startLine.get())
                    : "`%s` lines %d-%d".formatted(path, startLine.get(), end);
        }
    }

    record Review() implements Command {
    }

    record Describe() implements Command {
    }

    record Explain(Optional<Target> target) implements Command {
    }

    record WriteTests(Optional<Target> target) implements Command {
    }

    record Docstring(Optional<Target> target) implements Command {
    }

    record Translate(String language, Optional<Target> target) implements Command {
    }

    record Ask(String question, Optional<Target> target) implements Command {
    }

    record ShowConfig() implements Command {
    }

    record Help() implements Command {
    }

    record Pause() implements Command {
    }

    record Resume() implements Command {
    }

    record Fix(Optional<Target> target) implements Command {
    }

    /** A word that is not a command, or a command used wrongly; answered with {@code problem} and short help. */
    record Unknown(String name, String problem) implements Command {
    }

    /** Whether the command changes the repository (commits, branches): needs the commenter's write permission. */
    default boolean writes() {
        return this instanceof Fix;
    }
}
