package dev.seekfix.bot.ci;

import java.util.List;

/**
 * The cleaned lines of one step of a job log.
 *
 * @param title     the step's group title as the log shows it ({@code Run mvn -B verify}), or {@code Set up job}
 *                  for the lines before the first step
 * @param firstLine the 1-based line number of {@code lines.get(0)} in the whole job log
 * @param failed    the step printed an {@code ##[error]} line (the runner's "Process completed with exit code 1."
 *                  or an error annotation)
 */
public record StepLog(String title, int firstLine, List<String> lines, boolean failed) {

    public StepLog {
        lines = List.copyOf(lines);
    }
}
