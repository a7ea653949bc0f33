package dev.seekfix.bot.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seekfix.bot.ci.InfrastructureSignal.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InfrastructureDetectorTest {

    private final InfrastructureDetector detector = new InfrastructureDetector();

    private Optional<Kind> kindOf(String line) {
        return detector.scan(List.of(line)).map(InfrastructureSignal::kind);
    }

    @Test
    void recognisesTheMessagesRunnersAndToolsPrint() {
        assertThat(kindOf("##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped"))
                .contains(Kind.RUNNER_LOST);
        assertThat(kindOf("##[error]The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 360 minutes."))
                .contains(Kind.TIMED_OUT);
        assertThat(kindOf("OSError: [Errno 28] No space left on device")).contains(Kind.DISK_FULL);
        assertThat(kindOf("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"))
                .contains(Kind.OUT_OF_MEMORY);
        assertThat(kindOf("c++: fatal error: Killed signal terminated program cc1plus")).contains(Kind.OUT_OF_MEMORY);
        assertThat(kindOf("[ERROR] Failed to execute goal on project x: Could not transfer artifact a:b:pom:1.0 from/to central"))
                .contains(Kind.NETWORK);
        assertThat(kindOf("npm ERR! code ECONNRESET")).contains(Kind.NETWORK);
        assertThat(kindOf("fatal: unable to access 'https://github.com/a/b/': Could not resolve host: github.com"))
                .contains(Kind.NETWORK);
        assertThat(kindOf("Error response from daemon: toomanyrequests: You have reached your pull rate limit."))
                .contains(Kind.RATE_LIMITED);
        assertThat(kindOf("error: RPC failed; HTTP 503 curl 22 The requested URL returned error: 503"))
                .contains(Kind.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void ignoresOrdinaryFailures() {
        assertThat(kindOf("[ERROR] /src/A.java:[1,2] cannot find symbol")).isEmpty();
        assertThat(kindOf("AssertionError: expected 4 to be 5")).isEmpty();
        assertThat(kindOf("connect ECONNREFUSED 127.0.0.1:5432")).isEmpty();
    }

    @Test
    void looksOutsideTheFailingStepOnlyAtTheRunnersOwnReports() {
        StepLog step = new StepLog("Run make", 1, List.of("make: *** [all] Error 1"), true);
        List<String> job = List.of("test output mentions No space left on device in a fixture",
                "##[error]The runner has received a shutdown signal.");
        assertThat(detector.detect(step, job)).map(InfrastructureSignal::kind).contains(Kind.RUNNER_LOST);
    }
}
