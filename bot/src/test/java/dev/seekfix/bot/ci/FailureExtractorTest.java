package dev.seekfix.bot.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureExtractorTest {

    private final FailureExtractor extractor = FailureExtractor.standard();

    private Diagnosis diagnose(String logName) {
        List<String> lines = new LogCleaner().clean(JobLogFixtures.read(logName));
        StepSplitter splitter = new StepSplitter();
        StepLog step = splitter.failingStep(splitter.split(lines), "").orElseThrow();
        return extractor.diagnose("build", step, lines);
    }

    @Test
    void findsEachMavenCompileErrorOnceThoughMavenPrintsThemTwice() {
        Diagnosis d = diagnose("maven-compile-error.log");
        assertThat(d.facts()).extracting(FailureFact::headline).containsExactly(
                "src/main/java/com/acme/Greeter.java:12:16 cannot find symbol",
                "src/main/java/com/acme/App.java:8:27 incompatible types: int cannot be converted to java.lang.String");
        assertThat(d.infrastructure()).isEmpty();
        assertThat(d.excerpt().text()).contains("COMPILATION ERROR").doesNotContain("\u001B");
    }

    @Test
    void findsTheJunitAssertion() {
        Diagnosis d = diagnose("junit-assertion.log");
        assertThat(d.facts()).singleElement().isInstanceOfSatisfying(TestFailure.class, t -> {
            assertThat(t.testName()).isEqualTo("com.acme.GreeterTest.greetsByName");
            assertThat(t.message()).contains("expected: <Hello, Ada!> but was: <Hello, Ada>");
        });
    }

    @Test
    void findsThePytestFailureThroughColouredOutput() {
        Diagnosis d = diagnose("pytest-failure.log");
        assertThat(d.facts()).singleElement().isInstanceOfSatisfying(TestFailure.class, t -> {
            assertThat(t.testName()).isEqualTo("tests/test_calc.py::test_divide");
            assertThat(t.details()).contains("assert 3 == 3.5");
        });
    }

    @Test
    void findsTheJestFailureThroughColouredOutput() {
        Diagnosis d = diagnose("jest-failure.log");
        assertThat(d.facts()).singleElement().isInstanceOfSatisfying(TestFailure.class, t -> {
            assertThat(t.testName()).isEqualTo("math › adds numbers");
            assertThat(t.details()).containsExactly("Expected: 5", "Received: 4");
        });
    }

    @Test
    void flagsANetworkFailureAndKeepsAnExcerptAroundIt() {
        Diagnosis d = diagnose("infrastructure-network.log");
        assertThat(d.facts()).isEmpty();
        assertThat(d.infrastructure()).hasValueSatisfying(s ->
                assertThat(s.kind()).isEqualTo(InfrastructureSignal.Kind.NETWORK));
        assertThat(d.excerpt().text()).contains("UnknownHostException: services.gradle.org");
    }

    @Test
    void boundsTheExcerptOfAnUnknownToolAroundItsFirstError() {
        StringBuilder log = new StringBuilder("##[group]Run ./build.sh\n##[endgroup]\n");
        for (int i = 0; i < 200; i++) log.append("step ").append(i).append(" ok\n");
        log.append("ERROR: the frobnicator broke\n");
        for (int i = 0; i < 200; i++) log.append("cleanup ").append(i).append('\n');
        log.append("##[error]Process completed with exit code 2.\n");
        List<String> lines = new LogCleaner().clean(log.toString());
        StepSplitter splitter = new StepSplitter();
        StepLog step = splitter.failingStep(splitter.split(lines), "").orElseThrow();
        Diagnosis d = extractor.diagnose("build", step, lines);
        assertThat(d.facts()).isEmpty();
        assertThat(d.excerpt().lines()).hasSize(60);
        assertThat(d.excerpt().lines().get(10)).isEqualTo("ERROR: the frobnicator broke");
        assertThat(lines.get(d.excerpt().firstLine() - 1)).isEqualTo("step 190 ok");
    }

    @Test
    void keysAFailureWithoutLineNumbersSoThatItSurvivesEdits() {
        Diagnosis d = diagnose("maven-compile-error.log");
        assertThat(d.failureKey()).startsWith("build\n").doesNotContain(":12").contains("Greeter.java");
    }
}
