package dev.seekfix.bot.ci;

import java.util.List;

/**
 * A bounded run of log lines shown to people and to the model.
 *
 * @param firstLine the 1-based line number of {@code lines.get(0)} in the job log
 */
public record LogExcerpt(int firstLine, List<String> lines) {

    public LogExcerpt {
        lines = List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
