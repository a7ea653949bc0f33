package dev.seekfix.bot.ci;

import java.util.Optional;

/**
 * A check run as {@code checks/list-for-ref} and {@code checks/list-for-suite} list it (schema {@code check-run}).
 *
 * @param appSlug the App that made it: {@code github-actions} for Actions jobs
 * @param output  title, summary and text the CI wrote (non-Actions CI puts its failure there)
 */
public record CiCheckRun(long id, String name, String headSha, String status, Optional<String> conclusion,
                         String appSlug, String completedAt, Output output) {

    public record Output(String title, String summary, String text) {
    }

    public boolean failed() {
        return conclusion.filter(c -> c.equals("failure") || c.equals("timed_out")).isPresent();
    }
}
