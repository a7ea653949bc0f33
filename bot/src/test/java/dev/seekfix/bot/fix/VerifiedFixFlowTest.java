package dev.seekfix.bot.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the sandbox on: the PR head is a real git repository (fetched by JGit through
 * {@code refs/pull/5/head}) and the verify command a real shell test, which fails before the patch.
 */
class VerifiedFixFlowTest {

    @TempDir
    Path tmp;

    private static final String SUM = "#!/bin/sh\necho $(( $1 - $2 ))\n";
    private static final String TEST = "#!/bin/sh\ngot=$(sh sum.sh 2 3)\n[ \"$got\" = 5 ] || { echo \"expected 5, got $got\"; exit 1; }\necho ok\n";
    private static final String LOG = """
            2025-03-04T10:15:02.1234567Z ##[group]Run sh test.sh
            2025-03-04T10:15:02.1234567Z ##[endgroup]
            2025-03-04T10:15:02.2234567Z expected 5, got -1
            2025-03-04T10:15:02.3234567Z ##[error]Process completed with exit code 1.
            """;

    private FixFlow flow(ScratchGitRepository origin) {
        SandboxSettings sandbox = new SandboxSettings(true, Duration.ofSeconds(60), false, tmp.resolve("sandbox"));
        HeadCheckout checkout = new GitHeadCheckout((r, i) -> new GitHeadCheckout.Remote(origin.dir.toUri().toString(),
                Optional.empty()));
        return new FixFlow(tmp, sandbox, checkout, VerifyCommands.parse("acme/greeter = sh test.sh"));
    }

    private static String patch(String expression) {
        return "--- a/sum.sh\n+++ b/sum.sh\n@@ -1,2 +1,2 @@\n #!/bin/sh\n-echo $(( $1 - $2 ))\n+echo $(( " + expression + " ))\n";
    }

    @Test
    void marksTheFixVerifiedWhenTheFailingCommandPassesWithIt() throws Exception {
        verify(patch("$1 + $2"), "**Verified**: `sh test.sh` failed at the head and passes with this patch",
                AttemptOutcome.FIX_VERIFIED);
    }

    @Test
    void leavesTheFixUnverifiedWhenTheCommandStillFails() throws Exception {
        verify(patch("$1 * $2"), "**Not verified**: `sh test.sh` still fails with this patch (exit code 1)",
                AttemptOutcome.FIX_UNVERIFIED);
    }

    private void verify(String patch, String expected, AttemptOutcome outcome) throws Exception {
        try (ScratchGitRepository origin = new ScratchGitRepository(Files.createDirectories(tmp.resolve("origin")))) {
            origin.commit("base", Map.of("README.md", "sum\n"));
            String head = origin.commit("add sum", Map.of("sum.sh", SUM, "test.sh", TEST));
            origin.pullRef(5, head);
            try (FixFlow flow = flow(origin)) {
                FakeCiGitHub gh = flow.github;
                flow.config("fix: {auto: true, mode: suggest, max_attempts: 2}\n");
                gh.files(head, Map.of("sum.sh", SUM, "test.sh", TEST, "README.md", "sum\n"));
                gh.pull(5, head, "b".repeat(40)).file("sum.sh", "@@ -0,0 +1,2 @@\n+#!/bin/sh\n+echo $(( $1 - $2 ))");
                gh.checkOn("b".repeat(40), "test", "success");
                FakeCiGitHub.Run run = gh.failedRun("CI", head, "test", "Run sh test.sh", LOG);
                flow.model.answer("sum.sh subtracts instead of adding.", patch);

                flow.fixer.onCiCompleted(flow.context("workflow_run", flow.workflowRunPayload(run, List.of(5), "Ada", "x")));

                assertThat(gh.comments).singleElement().satisfies(c -> assertThat(c.body())
                        .contains(expected, "the same check passes on the base commit"));
                assertThat(flow.ledger.history(FakeCiGitHub.REPO, 5).getFirst().outcome()).isEqualTo(outcome);
                assertThat(gh.reviews).hasSize(1);
            }
        }
    }
}
