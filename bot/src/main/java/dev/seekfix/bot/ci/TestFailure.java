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
}
