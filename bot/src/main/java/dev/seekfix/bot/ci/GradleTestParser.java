package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test failures as Gradle's console prints them: {@code AppTest > appHasAGreeting() FAILED}, then indented the
 * exception — short ({@code org.opentest4j.AssertionFailedError at AppTest.java:12}) or, with
 * {@code exceptionFormat = 'full'}, with its message and {@code at app//AppTest.…(AppTest.java:12)} frames.
 * Gradle's Java and Kotlin compile errors are javac's and kotlinc's formats, read by those parsers.
 */
public final class GradleTestParser implements FailureParser {

    private static final Pattern HEADER = Pattern.compile("^(\\S[^>]*?) > (.+?) FAILED\\s*$");
    private static final Pattern SHORT = Pattern.compile("^\\s+(\\S+?)(?:: (.*?))? at (\\S+?\\.(?:java|kt|groovy|scala)):(\\d+)\\s*$");

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher header = HEADER.matcher(lines.get(i));
            if (!header.matches() || header.group(1).startsWith("Task ") || header.group(1).startsWith(">")) continue;
            String className = header.group(1).strip();
            String testName = className + "." + header.group(2).strip();
            String message = "";
            List<String> details = new ArrayList<>();
            List<StackFrame> frames = new ArrayList<>();
            Optional<SourceLocation> location = Optional.empty();
            int j = i + 1;
            for (; j < lines.size(); j++) {
                String line = lines.get(j);
                if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) break;
                Matcher shortForm = SHORT.matcher(line);
                if (message.isEmpty() && shortForm.matches()) {
                    message = shortForm.group(1) + (shortForm.group(2) == null ? "" : ": " + shortForm.group(2));
                    String path = JvmFrames.sourcePath(className, shortForm.group(3));
                    int at = Integer.parseInt(shortForm.group(4));
                    location = Optional.of(new SourceLocation(path, at, 0));
                    frames.add(new StackFrame(testName, path, at));
                } else if (JvmFrames.isFrame(line)) {
                    JvmFrames.inRepo(line).ifPresent(frames::add);
                } else if (message.isEmpty()) {
                    message = line.strip();
                } else if (frames.isEmpty()) {
                    details.add(line.strip());
                }
            }
            if (location.isEmpty()) {
                location = frames.stream().findFirst().map(f -> new SourceLocation(f.path(), f.line(), 0));
            }
            facts.add(new TestFailure("gradle", testName, message, details, location, frames));
            i = j - 1;
        }
        return facts;
    }
}
