package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jest failures: {@code FAIL src/sum.test.js} opens a test file, {@code ● math › adds numbers} one failing test,
 * followed by the matcher line, {@code Expected:}/{@code Received:}, a code frame and
 * {@code at Object.toBe (src/sum.test.js:5:23)} frames ({@code node_modules} and Node internals dropped).
 */
public final class JestParser implements FailureParser {

    private static final Pattern FILE = Pattern.compile("^\\s*FAIL\\s+(\\S+?)(?:\\s+\\(.*\\))?\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*● (.+?)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*(?:PASS|FAIL)\\s+\\S+|^(?:Test Suites|Tests|Snapshots|Time):");
    private static final Pattern FRAME = Pattern.compile("^\\s*at (?:(.+?) \\()?(\\S+?):(\\d+):(\\d+)\\)?\\s*$");
    private static final Pattern CODE_FRAME = Pattern.compile("^\\s*>?\\s*\\d+ \\|.*$|^\\s*\\|\\s*\\^*\\s*$");
    private static final Pattern EXPECTATION = Pattern.compile(
            "^\\s*(Expected|Received|Expected value|Received value|Expected length|Received length|Expected substring|Received string|Number of calls)(?: [^:]*)?:.*$");
    private static final int MAX_DETAILS = 12;

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        String file = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher f = FILE.matcher(lines.get(i));
            if (f.matches()) {
                file = WorkspacePaths.relativize(f.group(1));
                continue;
            }
            Matcher bullet = BULLET.matcher(lines.get(i));
            if (!bullet.matches() || file == null) continue;
            String title = bullet.group(1);
            String message = "";
            List<String> details = new ArrayList<>();
            List<StackFrame> frames = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.size(); j++) {
                String line = lines.get(j);
                if (BULLET.matcher(line).matches() || END.matcher(line).find()) break;
                if (line.isBlank() || CODE_FRAME.matcher(line).matches()) continue;
                Matcher frame = FRAME.matcher(line);
                if (frame.matches()) {
                    String path = frame.group(2);
                    if (path.contains("node_modules/") || path.startsWith("node:")) continue;
                    frames.add(new StackFrame(frame.group(1) == null ? "" : frame.group(1),
                            WorkspacePaths.relativize(path), Integer.parseInt(frame.group(3))));
                } else if (message.isEmpty()) {
                    message = line.strip();
                } else if (EXPECTATION.matcher(line).matches() || details.size() < MAX_DETAILS && frames.isEmpty()) {
                    if (details.size() < MAX_DETAILS) details.add(line.strip());
                }
            }
            String testFile = file;
            String name = title.equals("Test suite failed to run") ? testFile : title;
            Optional<SourceLocation> location = Optional.of(SourceLocation.ofTestFailure(testFile, frames));
            facts.add(new TestFailure("jest", name, message, details, location, frames));
            i = j - 1;
        }
        return facts;
    }
}
