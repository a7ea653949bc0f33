package dev.seekfix.bot.fix;

import java.util.List;

/** A failed CI result on some commit that seekfix may try to fix. */
public sealed interface FixTrigger {

    String headSha();

    String headBranch();

    HeadCommit headCommit();

    /** PR numbers the event named; empty for forks (GITHUB.md: look them up by head SHA). */
    List<Integer> pullNumbers();

    /** {@code workflow_run} or {@code check_suite}: the attempt record's trigger. */
    String kind();

    /** A GitHub Actions workflow run that completed with {@code conclusion: failure}. */
    record WorkflowRun(long runId, String workflowName, String htmlUrl, String headSha, String headBranch,
                       HeadCommit headCommit, List<Integer> pullNumbers, String actor) implements FixTrigger {
        public WorkflowRun {
            pullNumbers = List.copyOf(pullNumbers);
        }

        @Override
        public String kind() {
            return "workflow_run";
        }
    }

    /** A check suite of another CI App that completed with {@code conclusion: failure}. */
    record CheckSuite(long suiteId, String appSlug, String headSha, String headBranch, HeadCommit headCommit,
                      List<Integer> pullNumbers) implements FixTrigger {
        public CheckSuite {
            pullNumbers = List.copyOf(pullNumbers);
        }

        @Override
        public String kind() {
            return "check_suite";
        }
    }
}
