package dev.seekfix.bot.events;

import dev.seekfix.bot.github.Comment;
import dev.seekfix.bot.github.RepoClient;
import dev.seekfix.bot.publish.Markers;

import java.util.Comparator;
import java.util.Optional;

/**
 * Whether automatic reviews are paused on a PR. The state lives on GitHub, in seekfix's own {@code /pause} and
 * {@code /resume} replies (the latest one wins), so every replica sees it and nothing else needs storing.
 */
public final class PauseState {
    private PauseState() {
    }

    public static boolean paused(RepoClient repo, int pr, String botLogin) {
        return repo.issueComments(pr).stream()
                .filter(c -> c.byBot(botLogin))
                .sorted(Comparator.comparingLong(Comment::id).reversed())
                .map(c -> Markers.pausedState(c.body()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(false);
    }
}
