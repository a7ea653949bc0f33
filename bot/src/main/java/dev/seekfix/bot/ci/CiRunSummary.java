package dev.seekfix.bot.ci;

import java.util.Optional;

/** A workflow run as {@code GET /repos/{o}/{r}/actions/runs} lists it (schema {@code workflow-run}). */
public record CiRunSummary(long id, String name, String htmlUrl, String headSha, String status, Optional<String> conclusion,
                           String event, int runAttempt, String updatedAt) {

    public boolean failed() {
        return conclusion.filter(c -> c.equals("failure") || c.equals("timed_out")).isPresent();
    }
}
