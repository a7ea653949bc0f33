package dev.seekfix.bot.answers;

import dev.seekfix.bot.diff.Side;

import java.util.Locale;

/**
 * One review finding as the model reported it (schema {@code schemas/findings.schema.json}).
 *
 * @param startLine  first line of a multi-line finding, or null
 * @param suggestion replacement text for lines {@code startLine..line}, or null
 */
public record Finding(String path, Integer startLine, int line, Side side, Severity severity, String category,
                      double confidence, String title, String body, String suggestion) {

    public enum Severity {
        CRITICAL, MAJOR, MINOR, NIT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding withSuggestion(String replacement) {
        return new Finding(path, startLine, line, side, severity, category, confidence, title, body, replacement);
    }

    public Finding withStartLine(Integer start) {
        return new Finding(path, start, line, side, severity, category, confidence, title, body, suggestion);
    }

    /** Same path and same words: how a finding is recognised when raised again after a push. */
    public String fingerprint() {
        return Fingerprints.of(path, title);
    }
}
