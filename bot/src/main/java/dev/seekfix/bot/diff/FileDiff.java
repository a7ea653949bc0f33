package dev.seekfix.bot.diff;

import java.util.List;
import java.util.Optional;

/**
 * One file's change as GitHub reports it, with its patch parsed.
 *
 * @param hunks empty when GitHub sent no patch ({@code hasPatch} false: binary or too large)
 */
public record FileDiff(String path, Optional<String> previousPath, String status, int additions, int deletions,
                       boolean hasPatch, List<Hunk> hunks) {
    public FileDiff {
        hunks = List.copyOf(hunks);
    }

    public Optional<Hunk> hunkWith(Side side, int line) {
        return hunks.stream().filter(h -> h.commentable(side, line).isPresent()).findFirst();
    }

    /** The same file with only some hunks (a part of a file split over several model calls). */
    public FileDiff withHunks(List<Hunk> subset) {
        return new FileDiff(path, previousPath, status, additions, deletions, hasPatch, subset);
    }
}
