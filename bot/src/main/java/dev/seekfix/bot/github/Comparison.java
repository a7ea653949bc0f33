package dev.seekfix.bot.github;

import java.util.List;

/**
 * {@code GET /repos/{o}/{r}/compare/{base}...{head}}.
 *
 * @param status ahead, behind, identical or diverged (diverged after a force-push)
 */
public record Comparison(String status, List<ChangedFile> files) {
    public Comparison {
        files = List.copyOf(files);
    }
}
