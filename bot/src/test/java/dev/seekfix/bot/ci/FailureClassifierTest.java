package dev.seekfix.bot.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    private final FailureClassifier classifier = new FailureClassifier();

    private static Diagnosis diagnosis(List<FailureFact> facts, Optional<InfrastructureSignal> infra) {
        return new Diagnosis("build", "Run mvn verify", facts, new LogExcerpt(1, List.of("x")), infra);
    }

    private static final CompileError COMPILE = new CompileError("javac",
            new SourceLocation("src/main/java/com/acme/Greeter.java", 12, 16), "", "cannot find symbol");
    private static final TestFailure JUNIT = new TestFailure("junit", "com.acme.GreeterTest.greetsByName",
            "expected: <a> but was: <b>", List.of(), Optional.of(new SourceLocation("com/acme/GreeterTest.java", 14, 0)),
            List.of(new StackFrame("com.acme.GreeterTest.greetsByName", "com/acme/GreeterTest.java", 14)));
    private static final InfrastructureSignal OOM =
            new InfrastructureSignal(InfrastructureSignal.Kind.OUT_OF_MEMORY, "java.lang.OutOfMemoryError: Java heap space");

    @Test
    void blamesThePullRequestWhenItTouchesTheFailingFile() {
        FailureClass c = classifier.classify(diagnosis(List.of(COMPILE), Optional.empty()),
                List.of("README.md", "src/main/java/com/acme/Greeter.java"), CheckHistory.unknown("base1234567"));
        assertThat(c).isEqualTo(new FailureClass.CausedByPr(List.of("src/main/java/com/acme/Greeter.java"),
                "the failure names files this pull request changes: src/main/java/com/acme/Greeter.java"));
    }

    @Test
    void matchesJvmFramesAndTestClassesBySuffix() {
        FailureClass c = classifier.classify(diagnosis(List.of(JUNIT), Optional.empty()),
                List.of("src/test/java/com/acme/GreeterTest.java"), CheckHistory.unknown("b"));
        assertThat(c).isInstanceOf(FailureClass.CausedByPr.class);
    }

    @Test
    void callsItPreExistingWhenTheBaseFailsTheSameCheck() {
        FailureClass c = classifier.classify(diagnosis(List.of(COMPILE), Optional.empty()),
                List.of("src/main/java/com/acme/Greeter.java"),
                new CheckHistory("abcdef0123", Optional.of("failure"), false));
        assertThat(c).isInstanceOfSatisfying(FailureClass.PreExisting.class, p -> {
            assertThat(p.reason()).isEqualTo(FailureClass.PreExisting.Reason.FAILS_ON_BASE);
            assertThat(p.evidence()).contains("abcdef0");
        });
    }

    @Test
    void callsItFlakyWhenTheSameHeadPassedBefore() {
        FailureClass c = classifier.classify(diagnosis(List.of(JUNIT), Optional.empty()), List.of(),
                new CheckHistory("b", Optional.of("success"), true));
        assertThat(c.label()).isEqualTo("flaky");
    }

    @Test
    void putsInfrastructureFirstUnlessTheCodeDoesNotCompile() {
        assertThat(classifier.classify(diagnosis(List.of(JUNIT), Optional.of(OOM)),
                List.of("src/test/java/com/acme/GreeterTest.java"), CheckHistory.unknown("b")))
                .isEqualTo(new FailureClass.Infrastructure(OOM));
        assertThat(classifier.classify(diagnosis(List.of(COMPILE), Optional.of(OOM)),
                List.of("src/main/java/com/acme/Greeter.java"), CheckHistory.unknown("b")))
                .isInstanceOf(FailureClass.CausedByPr.class);
    }

    @Test
    void blamesThePullRequestWhenTheBaseIsGreenThoughNoFileMatches() {
        FailureClass c = classifier.classify(diagnosis(List.of(COMPILE), Optional.empty()), List.of("pom.xml"),
                new CheckHistory("b", Optional.of("success"), false));
        assertThat(c).isInstanceOfSatisfying(FailureClass.CausedByPr.class,
                p -> assertThat(p.touched()).isEmpty());
    }

    @Test
    void staysUndeterminedWithoutEvidence() {
        assertThat(classifier.classify(diagnosis(List.of(), Optional.empty()), List.of("a.txt"),
                CheckHistory.unknown("b"))).isInstanceOf(FailureClass.Undetermined.class);
    }
}
