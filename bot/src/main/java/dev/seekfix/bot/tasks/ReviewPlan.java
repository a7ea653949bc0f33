package dev.seekfix.bot.tasks;

import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.publish.SkippedFile;

import java.util.List;

/**
 * How a review is split into model calls.
 *
 * @param parts         each part is one model call; a big file may be split over several parts
 * @param reviewedFiles paths that appear in some part
 */
public record ReviewPlan(List<List<FileDiff>> parts, List<String> reviewedFiles, List<SkippedFile> skipped) {
    public ReviewPlan {
        parts = parts.stream().map(List::copyOf).toList();
        reviewedFiles = List.copyOf(reviewedFiles);
        skipped = List.copyOf(skipped);
    }
}
