package dev.seekfix.bot.commands;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the command in a comment: the first line, outside quotes and code blocks, that starts with {@code /name}
 * or {@code @<app-slug> name}. A comment without one is not for seekfix. On a review-comment thread, commands
 * without their own target apply to the thread's lines.
 */
public final class CommandParser {
    private static final Pattern TARGET = Pattern.compile("^([^\\s:]+)(?::(\\d+)(?:-(\\d+))?)?$");

    private final String appSlug;

    public CommandParser(String appSlug) {
        this.appSlug = appSlug.toLowerCase(Locale.ROOT);
    }

    public Optional<Command> parse(String body, Optional<Command.Target> thread) {
        boolean inCode = false;
        for (String raw : body.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inCode = !inCode;
                continue;
            }
            if (inCode || line.startsWith(">")) continue;
            Optional<String> invocation = invocation(line);
            if (invocation.isPresent()) return Optional.of(command(invocation.get(), thread));
        }
        return Optional.empty();
    }

    /** The text after {@code /} or {@code @slug }, when the line is addressed to seekfix. */
    private Optional<String> invocation(String line) {
        if (line.startsWith("/") && line.length() > 1 && Character.isLetter(line.charAt(1))) {
            return Optional.of(line.substring(1));
        }
        String lower = line.toLowerCase(Locale.ROOT);
        String mention = "@" + appSlug;
        if (lower.startsWith(mention) && (lower.length() == mention.length() || Character.isWhitespace(lower.charAt(mention.length())))) {
            String rest = line.substring(mention.length()).strip();
            return Optional.of(rest.startsWith("/") ? rest.substring(1) : rest);
        }
        return Optional.empty();
    }

    private static Command command(String invocation, Optional<Command.Target> thread) {
        String[] words = invocation.strip().split("\\s+", 2);
        String name = words[0].toLowerCase(Locale.ROOT);
        String args = words.length > 1 ? words[1].strip() : "";
        return switch (name) {
            case "review" -> new Command.Review();
            case "describe" -> new Command.Describe();
            case "explain" -> target(args, thread).map(t -> (Command) new Command.Explain(t))
                    .orElseGet(() -> badTarget(name, args));
            case "test", "tests" -> target(args, thread).map(t -> (Command) new Command.WriteTests(t))
                    .orElseGet(() -> badTarget(name, args));
            case "docstring", "docstrings" -> target(args, thread).map(t -> (Command) new Command.Docstring(t))
                    .orElseGet(() -> badTarget(name, args));
            case "translate" -> translate(args, thread);
            case "ask" -> args.isEmpty() ? new Command.Unknown(name, "`/ask` needs a question, e.g. `/ask is this thread-safe?`")
                    : new Command.Ask(args, thread);
            case "config" -> new Command.ShowConfig();
            case "help", "" -> new Command.Help();
            case "pause" -> new Command.Pause();
            case "resume" -> new Command.Resume();
            case "fix" -> target(args, thread).map(t -> (Command) new Command.Fix(t)).orElseGet(() -> badTarget(name, args));
            default -> new Command.Unknown(name, "`%s` is not a seekfix command".formatted(name));
        };
    }

    private static Command translate(String args, Optional<Command.Target> thread) {
        if (args.isEmpty()) {
            return new Command.Unknown("translate", "`/translate` needs a language, e.g. `/translate kotlin src/App.java`");
        }
        String[] parts = args.split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        return target(rest, thread).map(t -> (Command) new Command.Translate(parts[0], t))
                .orElseGet(() -> badTarget("translate", rest));
    }

    /** Empty when the argument is not a target; Optional.empty() inside when there is no argument and no thread. */
    private static Optional<Optional<Command.Target>> target(String args, Optional<Command.Target> thread) {
        if (args.isEmpty()) return Optional.of(thread);
        Matcher m = TARGET.matcher(args.split("\\s+")[0]);
        if (!m.matches()) return Optional.empty();
        Optional<Integer> start = Optional.ofNullable(m.group(2)).map(Integer::parseInt);
        Optional<Integer> end = Optional.ofNullable(m.group(3)).map(Integer::parseInt);
        if (start.isPresent() && end.isPresent() && end.get() < start.get()) return Optional.empty();
        return Optional.of(Optional.of(new Command.Target(m.group(1), start, end)));
    }

    private static Command badTarget(String name, String args) {
        return new Command.Unknown(name, "`/%s` expects `path` or `path:line` or `path:start-end`, found `%s`".formatted(name, args));
    }
}
