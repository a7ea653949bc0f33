package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pytest failures. The "short test summary info" names each failure by node id
 * ({@code FAILED tests/test_calc.py::test_divide - assert 2.0 == 3}); the FAILURES section has one block per test
 * ({@code ____ test_divide ____}) with the assertion on {@code E   } lines and frames as {@code path.py:9: in f}
 * or, last, {@code tests/test_calc.py:9: AssertionError}.
 */
public final class PytestParser implements FailureParser {

    private static final Pattern SUMMARY = Pattern.compile("^(FAILED|ERROR) (\\S+?\\.py)(?:::(\\S+))?(?: - (.*))?$");
    private static final Pattern BLOCK = Pattern.compile("^_{3,} (.+?) _{3,}$");
    private static final Pattern SECTION = Pattern.compile("^={3,} .* ={3,}$");
    private static final Pattern FRAME = Pattern.compile("^(\\S+?\\.py):(\\d+): ?(?:in (\\S+)|(\\S*))$");
    private static final Pattern ASSERTION = Pattern.compile("^E {1,}(.*)$");
    private static final int MAX_DETAILS = 12;

    private record Block(List<String> details, List<StackFrame> frames, Optional<SourceLocation> failedAt) {
    }

    @Override
    public List<FailureFact> parse(List<String> lines) {
        Map<String, Block> blocks = readBlocks(lines);
        List<FailureFact> facts = new ArrayList<>();
        boolean summarised = false;
        for (String line : lines) {
            Matcher s = SUMMARY.matcher(line);
            if (!s.matches()) continue;
            summarised = true;
            String path = WorkspacePaths.relativize(s.group(2));
            String testPart = s.group(3);
            String nodeId = testPart == null ? path : path + "::" + testPart;
            String message = s.group(4) == null ? "" : s.group(4).strip();
            Block block = testPart == null ? null : blocks.get(testPart.replace("::", "."));
            if (block == null && testPart == null) block = blocks.get(path);
            facts.add(toFailure(nodeId, message, block, path));
        }
        if (!summarised) {
            // pytest -q with "-r N" prints no summary: fall back to the blocks' titles
            blocks.forEach((title, block) -> facts.add(toFailure(title, "", block, null)));
        }
        return facts;
    }

    private static TestFailure toFailure(String name, String message, Block block, String testFile) {
        if (block == null) {
            Optional<SourceLocation> loc = testFile == null ? Optional.empty()
                    : Optional.of(new SourceLocation(testFile, 0, 0));
            return new TestFailure("pytest", name, message, List.of(), loc, List.of());
        }
        String first = message.isEmpty() && !block.details().isEmpty() ? block.details().getFirst() : message;
        return new TestFailure("pytest", name, first, block.details(), block.failedAt(), block.frames());
    }

    private static Map<String, Block> readBlocks(List<String> lines) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        String title = null;
        List<String> details = new ArrayList<>();
        List<StackFrame> frames = new ArrayList<>();
        SourceLocation failedAt = null;
        for (String line : lines) {
            Matcher b = BLOCK.matcher(line);
            if (b.matches() || SECTION.matcher(line).matches()) {
                if (title != null) blocks.putIfAbsent(title, new Block(details, frames, Optional.ofNullable(failedAt)));
                title = b.matches() ? blockKey(b.group(1)) : null;
                details = new ArrayList<>();
                frames = new ArrayList<>();
                failedAt = null;
                continue;
            }
            if (title == null) continue;
            Matcher e = ASSERTION.matcher(line);
            if (e.matches()) {
                if (details.size() < MAX_DETAILS) details.add(e.group(1).strip());
                continue;
            }
            Matcher f = FRAME.matcher(line);
            if (f.matches() && inRepo(f.group(1))) {
                String path = WorkspacePaths.relativize(f.group(1));
                int at = Integer.parseInt(f.group(2));
                String symbol = f.group(3) != null ? f.group(3) : "";
                frames.addFirst(new StackFrame(symbol, path, at));
                // the frame line ending in an exception name ("…:9: AssertionError") is where it failed
                if (f.group(3) == null || failedAt == null) failedAt = new SourceLocation(path, at, 0);
            }
        }
        if (title != null) blocks.putIfAbsent(title, new Block(details, frames, Optional.ofNullable(failedAt)));
        return blocks;
    }

    /** "ERROR at setup of test_x" → "test_x"; "TestCalc.test_divide" stays. */
    private static String blockKey(String title) {
        String t = title.strip();
        for (String prefix : List.of("ERROR at setup of ", "ERROR at teardown of ", "ERROR collecting ")) {
            if (t.startsWith(prefix)) return t.substring(prefix.length());
        }
        return t;
    }

    private static boolean inRepo(String path) {
        return !path.contains("site-packages/") && !path.contains("dist-packages/") && !path.startsWith("/usr/")
                && !path.startsWith("<") && !path.contains("/hostedtoolcache/");
    }
}
