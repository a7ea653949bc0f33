package dev.seekfix.engine.kernels.cuda;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * Runs the {@code cuda}-tagged tests of this package without Maven (scripts/device-check.sh, on a GPU machine with
 * only a jlinked runtime): one line per test, then a summary. Exit status: 0 all passed, 1 failures, 3 nothing ran
 * (no device: every test skipped itself).
 */
public final class DeviceCheckLauncher {

    private DeviceCheckLauncher() {
    }

    public static void main(String[] args) {
        String tag = args.length > 0 ? args[0] : "cuda";
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("dev.seekfix.engine.kernels.cuda"))
                .filters(TagFilter.includeTags(tag))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener lines = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                System.out.println("SKIP  " + id.getDisplayName() + ": " + reason);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                String label = switch (result.getStatus()) {
                    case SUCCESSFUL -> "PASS  ";
                    case ABORTED -> "SKIP  "; // an assumption failed: no device, no fixture
                    case FAILED -> "FAIL  ";
                };
                if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) return;
                System.out.println(label + (id.isTest() ? id.getLegacyReportingName() : id.getDisplayName())
                        + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
            }
        };
        launcher.execute(request, summary, lines);
        TestExecutionSummary s = summary.getSummary();
        s.printFailuresTo(new PrintWriter(System.out), 20);
        System.out.printf("TESTS found=%d succeeded=%d failed=%d skipped=%d aborted=%d classes_skipped=%d classes_failed=%d%n",
                s.getTestsFoundCount(), s.getTestsSucceededCount(), s.getTestsFailedCount(), s.getTestsSkippedCount(),
                s.getTestsAbortedCount(), s.getContainersAbortedCount(), s.getContainersFailedCount());
        int status = s.getTestsFailedCount() + s.getContainersFailedCount() > 0 ? 1 : s.getTestsSucceededCount() == 0 ? 3 : 0;
        System.exit(status);
    }
}
