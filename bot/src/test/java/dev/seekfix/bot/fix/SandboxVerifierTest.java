package dev.seekfix.bot.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real git repository with a real failing shell test: {@code sum.sh} adds wrongly, {@code test.sh} checks it.
 */
class SandboxVerifierTest {

    @TempDir
    Path tmp;

    private ScratchGitRepository origin;
    private String head;
    private final Map<String, String> hostEnv = Map.of(
            "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
            "GITHUB_TOKEN", "ghs_secret", "SEEKFIX_WEBHOOK_SECRET", "hook", "AWS_SECRET_ACCESS_KEY", "aws",
            "MY_API_TOKEN", "t", "LANG", "C.UTF-8");

    private static final String SUM_BUGGY = "#!/bin/sh\necho $(( $1 - $2 ))\n";
    private static final String TEST = """
            #!/bin/sh
            got=$(sh sum.sh 2 3)
            if [ "$got" != "5" ]; then echo "expected 5, got $got"; exit 1; fi
            echo ok
            """;

    @BeforeEach
    void repository() throws Exception {
        origin = new ScratchGitRepository(Files.createDirectories(tmp.resolve("origin")));
        origin.commit("base", Map.of("README.md", "sum\n"));
        head = origin.commit("add sum", Map.of("sum.sh", SUM_BUGGY, "test.sh", TEST));
        origin.pullRef(7, head);
    }

    private SandboxVerifier verifier(Duration timeout) {
        SandboxSettings settings = new SandboxSettings(true, timeout, false, tmp.resolve("work"));
        HeadCheckout checkout = new GitHeadCheckout((repo, installation) ->
                new GitHeadCheckout.Remote(origin.dir.toUri().toString(), Optional.empty()));
        return new SandboxVerifier(settings, checkout, new SandboxRunner(hostEnv));
    }

    private static CheckedPatch patchOf(String path, String before, String after) {
        return new CheckedPatch(List.of(new FileChange(path, Optional.of(before), Optional.of(after))), "", 2);
    }

    private SandboxVerifier.Target target(boolean fork) {
        return new SandboxVerifier.Target("acme/sum", 1, 7, head, fork);
    }

    @Test
    void marksAFixVerifiedWhenTheFailingCommandNowPasses() {
        Verification v = verifier(Duration.ofSeconds(30)).verify(target(false), "sh test.sh", List.of(),
                patchOf("sum.sh", SUM_BUGGY, "#!/bin/sh\necho $(( $1 + $2 ))\n"));
        assertThat(v).isInstanceOfSatisfying(Verification.Verified.class,
                ok -> assertThat(ok.outputTail()).contains("ok"));
        assertThat(v.verified()).isTrue();
        assertThat(tmp.resolve("work")).isEmptyDirectory();
    }

    @Test
    void leavesAFixUnverifiedWhenTheCommandStillFails() {
        Verification v = verifier(Duration.ofSeconds(30)).verify(target(false), "sh test.sh", List.of(),
                patchOf("sum.sh", SUM_BUGGY, "#!/bin/sh\necho $(( $1 * $2 ))\n"));
        assertThat(v).isInstanceOfSatisfying(Verification.StillFails.class, f -> {
            assertThat(f.exitCode()).isEqualTo(1);
            assertThat(f.outputTail()).contains("expected 5, got 6");
        });
        assertThat(v.verified()).isFalse();
    }

    @Test
    void refusesToCallItVerifiedWhenTheCommandPassedWithoutThePatch() {
        Verification v = verifier(Duration.ofSeconds(30)).verify(target(false), "true", List.of(),
                patchOf("sum.sh", SUM_BUGGY, "#!/bin/sh\necho $(( $1 + $2 ))\n"));
        assertThat(v).isInstanceOf(Verification.NotReproduced.class);
    }

    @Test
    void killsACommandThatRunsPastItsLimit() {
        Verification v = verifier(Duration.ofMillis(700)).verify(target(false), "sleep 30", List.of(),
                patchOf("sum.sh", SUM_BUGGY, "x\n"));
        assertThat(v).isInstanceOfSatisfying(Verification.TimedOut.class, t -> assertThat(t.withPatch()).isFalse());
    }

    @Test
    void runsWithoutTheHostsSecrets() {
        String command = "env > /dev/stderr; test -z \"$GITHUB_TOKEN$SEEKFIX_WEBHOOK_SECRET$AWS_SECRET_ACCESS_KEY$MY_API_TOKEN\""
                + " && test -n \"$PATH\" && grep -q fixed sum.sh";
        Verification v = verifier(Duration.ofSeconds(30)).verify(target(false), command, List.of(),
                patchOf("sum.sh", SUM_BUGGY, "# fixed\n"));
        assertThat(v).isInstanceOfSatisfying(Verification.Verified.class,
                ok -> assertThat(ok.outputTail()).doesNotContain("ghs_secret").contains("HOME="));
    }

    @Test
    void neverRunsForksOrWhenSwitchedOff() {
        assertThat(verifier(Duration.ofSeconds(5)).verify(target(true), "sh test.sh", List.of(),
                patchOf("sum.sh", SUM_BUGGY, "x\n"))).isInstanceOf(Verification.NotRun.class);
        SandboxVerifier off = new SandboxVerifier(SandboxSettings.off(tmp.resolve("w")),
                (r, i, p, s, d) -> { throw new AssertionError("no checkout when off"); }, new SandboxRunner(hostEnv));
        assertThat(off.verify(target(false), "sh test.sh", List.of(), patchOf("sum.sh", SUM_BUGGY, "x\n")))
                .isInstanceOfSatisfying(Verification.NotRun.class, n -> assertThat(n.reason()).contains("turned off"));
    }

    @Test
    void saysSoWhenTheHeadMoved() throws Exception {
        String newer = origin.commit("human push", Map.of("README.md", "sum!\n"));
        origin.pullRef(7, newer);
        Verification v = verifier(Duration.ofSeconds(30)).verify(target(false), "sh test.sh", List.of(),
                patchOf("sum.sh", SUM_BUGGY, "x\n"));
        assertThat(v).isInstanceOfSatisfying(Verification.NotRun.class, n -> assertThat(n.reason()).contains("moved"));
    }

    @Test
    void substitutesOnlyShellSafeTestNames() {
        assertThat(SandboxVerifier.expand("mvn -q test -Dtest={tests}",
                List.of("com.acme.GreeterTest#greets", "x; rm -rf /", "tests/test_a.py::test_b[1-2]")))
                .isEqualTo("mvn -q test -Dtest='com.acme.GreeterTest#greets,tests/test_a.py::test_b[1-2]'");
    }
}
