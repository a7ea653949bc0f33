package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vitest failures: {@code  FAIL  src/sum.test.ts > math > adds numbers}, then the error
 * ({@code AssertionError: expected 4 to be 5 // Object.is equality}), a {@code - Expected}/{@code + Received} diff
 * and {@code ❯ src/sum.test.ts:5:23} frames.
 */
public final class VitestParser implements FailureParser {

    private static final Pattern HEADER = Pattern.compile("^\\s*FAIL\\s+(\\S+?\\.[cm]?[jt]sx?) > (.+?)\\s*$");
    private static final Pattern FRAME = Pattern.compile("^\\s*❯ (?:(\\S+) )?(\\S+?):(\\d+):(\\d+)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*⎯{3,}|^\\s*(?:Test Files|Tests|Duration|Start at)\\s");
    private static final Pattern CODE_FRAME = Pattern.compile("^\\s*\\d+\\|.*$|^\\s*\\|\\s*\\^*\\s*$");
    private static final int MAX_DETAILS = 12;

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher header = HEADER.matcher(lines.get(i));
            if (!header.matches()) continue;
            String file = WorkspacePaths.relativize(header.group(1));
            String name = header.group(2);
            String message = "";
            List<String> details = new ArrayList<>();
            List<StackFrame> frames = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.size(); j++) {
                String line = lines.get(j);
                if (HEADER.matcher(line).matches() || END.matcher(line).find()) break;
                if (line.isBlank() || CODE_FRAME.matcher(line).matches()) continue;
                Matcher frame = FRAME.matcher(line);
                if (frame.matches()) {
                    String path = frame.group(2);
                    if (path.contains("node_modules/")) continue;
                    frames.add(new StackFrame(frame.group(1) == null ? "" : frame.group(1),
                            WorkspacePaths.relativize(path), Integer.parseInt(frame.group(3))));
                } else if (message.isEmpty()) {
                    message = line.strip();
                } else if (frames.isEmpty() && details.size() < MAX_DETAILS) {
                    details.add(line.strip());
                }
            }
            Optional<SourceLocation> location = Optional.of(SourceLocation.ofTestFailure(file, frames));
            facts.add(new TestFailure("vitest", file + " > " + name, message, details, location, frames));
            i = j - 1;
        }
        return facts;
    }
}
