package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code go test} failures: {@code --- FAIL: TestAdd (0.00s)} (subtests indented, {@code TestAdd/negative}), then
 * the test's own indented messages {@code calc_test.go:12: Add(2, 2) = 5; want 4}. A parent whose failure is only
 * its subtests' is dropped. A {@code panic:} is attached to the test that was running, with the goroutine's frames
 * in the repository ({@code /home/runner/work/x/x/calc.go:10 +0x1d}).
 */
public final class GoTestParser implements FailureParser {

    private static final Pattern FAIL = Pattern.compile("^(\\s*)--- FAIL: (\\S+) \\([\\d.]+s\\)\\s*$");
    private static final Pattern MESSAGE = Pattern.compile("^\\s+(\\S+?\\.go):(\\d+): (.*)$");
    private static final Pattern END = Pattern.compile("^\\s*(?:--- (?:FAIL|PASS|SKIP)|=== (?:RUN|PAUSE|CONT|NAME))|^(?:FAIL|ok|PASS)\\b");
    private static final Pattern PANIC = Pattern.compile("^panic: (.+?)(?: \\[recovered\\])?$");
    private static final Pattern GO_FRAME = Pattern.compile("^\\s+(\\S+?\\.go):(\\d+)(?: \\+0x[0-9a-f]+)?$");
    private static final Pattern RUNNING = Pattern.compile("^=== RUN\\s+(\\S+)$");

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<TestFailure> failures = new ArrayList<>();
        String running = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher run = RUNNING.matcher(line);
            if (run.matches()) running = run.group(1);
            Matcher fail = FAIL.matcher(line);
            if (fail.matches()) {
                int indent = fail.group(1).length();
                String name = fail.group(2);
                String message = "";
                List<String> details = new ArrayList<>();
                SourceLocation at = null;
                int j = i + 1;
                for (; j < lines.size(); j++) {
                    String next = lines.get(j);
                    if (END.matcher(next).find() || next.isBlank() || PANIC.matcher(next).matches()) break;
                    Matcher m = MESSAGE.matcher(next);
                    if (m.matches() && leadingSpaces(next) > indent) {
                        if (at == null) {
                            at = new SourceLocation(WorkspacePaths.relativize(m.group(1)), Integer.parseInt(m.group(2)), 0);
                            message = m.group(3).strip();
                        } else {
                            details.add(m.group(3).strip());
                        }
                    } else if (at != null) {
                        details.add(next.strip());
                    }
                }
                failures.add(new TestFailure("go test", name, message, details, Optional.ofNullable(at),
                        at == null ? List.of() : List.of(new StackFrame(name, at.path(), at.line()))));
                i = j - 1;
                continue;
            }
            Matcher panic = PANIC.matcher(line);
            if (panic.matches()) {
                List<StackFrame> frames = new ArrayList<>();
                String function = "";
                int j = i + 1;
                for (; j < lines.size() && !lines.get(j).startsWith("FAIL") && !lines.get(j).startsWith("exit status"); j++) {
                    Matcher frame = GO_FRAME.matcher(lines.get(j));
                    if (frame.matches()) {
                        String path = frame.group(1);
                        if (!isGoRuntime(path)) {
                            frames.add(new StackFrame(function, WorkspacePaths.relativize(path),
                                    Integer.parseInt(frame.group(2))));
                        }
                    } else {
                        function = lines.get(j).strip().replaceAll("\\(.*\\)$", "");
                    }
                }
                String name = running != null ? running : "panic";
                Optional<SourceLocation> at = frames.stream().findFirst()
                        .map(f -> new SourceLocation(f.path(), f.line(), 0));
                failures.removeIf(f -> f.testName().equals(name) && f.message().isEmpty());
                failures.add(new TestFailure("go test", name, "panic: " + panic.group(1), List.of(), at, frames));
                i = j - 1;
            }
        }
        // a parent test fails when a subtest fails; only the subtest says why
        List<FailureFact> facts = new ArrayList<>();
        for (TestFailure f : failures) {
            boolean onlyParent = f.message().isEmpty() && failures.stream()
                    .anyMatch(o -> o.testName().startsWith(f.testName() + "/"));
            if (!onlyParent) facts.add(f);
        }
        return facts;
    }

    private static int leadingSpaces(String s) {
        int n = 0;
        while (n < s.length() && Character.isWhitespace(s.charAt(n))) n++;
        return n;
    }

    private static boolean isGoRuntime(String path) {
        return path.startsWith("/usr/local/go/") || path.contains("/hostedtoolcache/go/") || path.contains("/go/pkg/mod/")
                || path.startsWith("/opt/go/") || path.contains("/src/runtime/") || path.contains("/src/testing/");
    }
}
