package dev.seekfix.bot.github;

import java.util.List;

/**
 * One batched review: {@code POST /repos/{o}/{r}/pulls/{n}/reviews} with {@code event: COMMENT} and
 * {@code commit_id} the head it was made for.
 */
public record ReviewDraft(String commitId, String body, List<InlineComment> comments) {
    public ReviewDraft {
        comments = List.copyOf(comments);
    }

    /**
     * A comment on lines of the diff.
     *
     * @param startLine first line of a multi-line comment, or null for one line
     * @param side      RIGHT (added and context lines, new numbering) or LEFT (removed lines, old numbering)
     */
    public record InlineComment(String path, Integer startLine, int line, String side, String body) {
    }
}
