package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cargo test} failures: a {@code ---- tests::adds stdout ----} block with the panic, in Rust ≥ 1.73's form
 * ({@code thread 'tests::adds' panicked at src/lib.rs:10:9:} then the message, {@code  left: 5}, {@code right: 4})
 * or the older one ({@code thread 'tests::adds' panicked at 'assertion failed: …', src/lib.rs:10:9}, possibly over
 * several lines).
 */
public final class CargoTestParser implements FailureParser {

    private static final Pattern BLOCK = Pattern.compile("^---- (\\S+) stdout ----$");
    private static final Pattern NEW_PANIC = Pattern.compile("^thread '(.+?)' panicked at (\\S+?):(\\d+):(\\d+):$");
    private static final Pattern OLD_PANIC_START = Pattern.compile("^thread '(.+?)' panicked at '(.*)$");
    private static final Pattern OLD_PANIC_END = Pattern.compile("^(.*)', (\\S+?):(\\d+):(\\d+)$");
    private static final int MAX_DETAILS = 12;

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher block = BLOCK.matcher(lines.get(i));
            if (!block.matches()) continue;
            String name = block.group(1);
            List<String> messageLines = new ArrayList<>();
            SourceLocation at = null;
            int j = i + 1;
            for (; j < lines.size(); j++) {
                String line = lines.get(j);
                if (BLOCK.matcher(line).matches() || line.equals("failures:") || line.startsWith("note: run with")) break;
                Matcher modern = NEW_PANIC.matcher(line);
                if (modern.matches()) {
                    at = location(modern.group(2), modern.group(3), modern.group(4));
                    continue;
                }
                Matcher old = OLD_PANIC_START.matcher(line);
                if (old.matches() && at == null) {
                    String rest = old.group(2);
                    // the quoted message may run over several lines; it ends with "', file:line:col"
                    while (true) {
                        Matcher end = OLD_PANIC_END.matcher(rest);
                        if (end.matches()) {
                            messageLines.add(end.group(1));
                            at = location(end.group(2), end.group(3), end.group(4));
                            break;
                        }
                        messageLines.add(rest);
                        if (++j >= lines.size()) break;
                        rest = lines.get(j);
                    }
                    continue;
                }
                if (at != null && !line.isBlank() && messageLines.size() < MAX_DETAILS) messageLines.add(line);
            }
            List<String> cleaned = messageLines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            String message = cleaned.isEmpty() ? "" : cleaned.getFirst();
            List<String> details = cleaned.size() > 1 ? cleaned.subList(1, cleaned.size()) : List.of();
            List<StackFrame> frames = at == null ? List.of() : List.of(new StackFrame(name, at.path(), at.line()));
            facts.add(new TestFailure("cargo test", name, message, details, Optional.ofNullable(at), frames));
            i = j - 1;
        }
        return facts;
    }

    private static SourceLocation location(String path, String line, String column) {
        return new SourceLocation(WorkspacePaths.relativize(path), Integer.parseInt(line), Integer.parseInt(column));
    }
}
