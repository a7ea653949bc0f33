package dev.seekfix.bot.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepSplitterTest {

    private final StepSplitter splitter = new StepSplitter();

    private List<StepLog> stepsOf(String log) {
        return splitter.split(new LogCleaner().clean(log));
    }

    @Test
    void splitsAMavenJobIntoItsStepsAndFindsTheFailingOne() {
        List<StepLog> steps = stepsOf(JobLogFixtures.read("maven-compile-error.log"));
        assertThat(steps).extracting(StepLog::title).containsExactly("Set up job", "Run actions/checkout@v4",
                "Run actions/setup-java@v4", "Run mvn -B verify", "Post job cleanup.");
        StepLog failing = splitter.failingStep(steps, "Build with Maven").orElseThrow();
        assertThat(failing.title()).isEqualTo("Run mvn -B verify");
        assertThat(failing.lines()).anyMatch(l -> l.contains("Greeter.java:[12,16] cannot find symbol"));
        assertThat(failing.lines()).noneMatch(l -> l.contains("git version"));
    }

    @Test
    void numbersStepLinesAsTheJobLogDoes() {
        List<String> lines = new LogCleaner().clean(JobLogFixtures.read("pytest-failure.log"));
        StepLog failing = splitter.failingStep(splitter.split(lines), "").orElseThrow();
        assertThat(lines.get(failing.firstLine() - 1)).isEqualTo(failing.lines().getFirst());
    }

    @Test
    void prefersTheFailedStepTheJobsApiNames() {
        List<StepLog> steps = stepsOf("""
                ##[group]Run npm run lint
                ##[endgroup]
                lint failed
                ##[error]Process completed with exit code 1.
                ##[group]Run npm test
                ##[endgroup]
                tests failed
                ##[error]Process completed with exit code 1.
                """);
        assertThat(splitter.failingStep(steps, "npm test").orElseThrow().title()).isEqualTo("Run npm test");
        assertThat(splitter.failingStep(steps, "Unit tests").orElseThrow().title()).isEqualTo("Run npm run lint");
    }

    @Test
    void fallsBackToTheLastStepWithOutputWhenNoErrorWasWritten() {
        List<StepLog> steps = stepsOf("""
                ##[group]Run make
                ##[endgroup]
                cc -c a.c
                """);
        assertThat(splitter.failingStep(steps, "").orElseThrow().lines()).containsExactly("##[endgroup]", "cc -c a.c");
    }
}
