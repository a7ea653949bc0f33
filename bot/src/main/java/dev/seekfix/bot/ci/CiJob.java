package dev.seekfix.bot.ci;

import java.util.List;
import java.util.Optional;

/**
 * One job of a workflow run, as {@code GET /repos/{o}/{r}/actions/runs/{id}/jobs} lists it (schema {@code job}).
 *
 * @param conclusion {@code success}, {@code failure}, {@code cancelled}, … or empty while running
 */
public record CiJob(long id, long runId, String name, String headSha, String status, Optional<String> conclusion,
                    List<Step> steps) {

    public CiJob {
        steps = List.copyOf(steps);
    }

    /** @param conclusion empty while the step runs or when it was never reached */
    public record Step(int number, String name, String status, Optional<String> conclusion) {
    }

    public boolean failed() {
        return conclusion.filter(c -> c.equals("failure") || c.equals("timed_out")).isPresent();
    }

    /** The first step that failed, as the API names it. */
    public Optional<Step> failedStep() {
        return steps.stream().filter(s -> s.conclusion().filter(c -> c.equals("failure")).isPresent()).findFirst();
    }
}
