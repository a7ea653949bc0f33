package dev.seekfix.bot.publish;

import dev.seekfix.bot.answers.ReviewVerdict;
import dev.seekfix.bot.model.TokenUsage;

import java.util.List;

/**
 * Everything the review body reports.
 *
 * @param scope       e.g. {@code all changes} or {@code commits abc1234..def5678 (incremental)}
 * @param failedParts problems of model calls whose files got no findings (e.g. an answer that was not valid JSON)
 */
public record ReviewSummary(int pr, String headSha, String scope, List<String> reviewedFiles, List<SkippedFile> skipped,
                            ReviewVerdict verdict, List<String> failedParts, String modelLabel, TokenUsage usage) {
    public ReviewSummary {
        reviewedFiles = List.copyOf(reviewedFiles);
        skipped = List.copyOf(skipped);
        failedParts = List.copyOf(failedParts);
    }
}
