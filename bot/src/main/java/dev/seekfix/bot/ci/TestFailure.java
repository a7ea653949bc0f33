package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A failing test.
 *
 * @param testName the test as its runner names it: {@code com.acme.GreeterTest.greetsByName},
 *                 {@code tests/test_calc.py::test_divide}, {@code math › adds numbers}, {@code TestAdd/negative}
 * @param message  the first line of the failure: exception and message, or the assertion
 * @param details  the assertion's further lines: {@code expected: <…> but was: <…>}, pytest's {@code E} lines,
 *                 Jest's {@code Expected:}/{@code Received:}, Rust's {@code left:}/{@code right:}
 * @param location where the test failed, when the runner said so
 * @param frames   stack frames inside the repository, innermost first
 */
public record TestFailure(String tool, String testName, String message, List<String> details,
                          Optional<SourceLocation> location, List<StackFrame> frames) implements FailureFact {

    public TestFailure {
        details = List.copyOf(details);
        frames = List.copyOf(frames);
    }

    @Override
    public List<String> paths() {
        LinkedHashSet<String> paths = new LinkedHashSet<>();
        location.ifPresent(l -> paths.add(l.path()));
        for (StackFrame f : frames) paths.add(f.path());
        return new ArrayList<>(paths);
    }

    @Override
    public String headline() {
        return testName + (message.isEmpty() ? "" : ": " + message);
    }

    @Override
    public String signature() {
        return tool + "|" + testName;
    }

    /**
     * Files the test's name points at: a pytest node id's file, Vitest's {@code file > name}, a JVM test class's
     * source ({@code com/acme/GreeterTest.java} or {@code .kt}, path suffixes).
     */
    public List<String> sourceGuesses() {
        List<String> guesses = new ArrayList<>();
        int nodeSep = testName.indexOf("::");
        if (nodeSep > 0) guesses.add(testName.substring(0, nodeSep));
        int vitestSep = testName.indexOf(" > ");
        if (vitestSep > 0) guesses.add(testName.substring(0, vitestSep));
        if (tool.equals("junit") || tool.equals("gradle")) {
            String name = testName.replaceAll("\\(.*\\)$", "");
            int lastDot = name.lastIndexOf('.');
            if (lastDot > 0) {
                String cls = name.substring(0, lastDot).replace('.', '/');
                guesses.add(cls + ".java");
                guesses.add(cls + ".kt");
            }
        }
        return guesses;
    }
}
