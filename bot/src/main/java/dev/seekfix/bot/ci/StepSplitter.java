package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits a cleaned job log into steps and finds the failing one.
 *
 * <p>The runner opens every step with {@code ##[group]Run <command or action>}, prints the script and environment,
 * closes with {@code ##[endgroup]} and then the step's output follows until the next step. Tools may open nested
 * groups of their own ({@code ::group::}), which is why only {@code Run }-titled groups start a step, and why the
 * {@code ##[group]}/{@code ##[endgroup]} markers themselves are dropped from the kept lines.
 */
public final class StepSplitter {

    private static final String GROUP = "##[group]";
    private static final String ERROR = "##[error]";

    public List<StepLog> split(List<String> lines) {
        List<StepLog> steps = new ArrayList<>();
        String title = "Set up job";
        boolean named = false;
        int first = 1;
        List<String> current = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (startsStep(line)) {
                if (named || !current.isEmpty()) steps.add(new StepLog(title, first, current, failed));
                title = line.substring(GROUP.length());
                named = true;
                current = new ArrayList<>();
                failed = false;
                continue;
            }
            if (current.isEmpty()) first = i + 1;
            if (line.startsWith(ERROR)) failed = true;
            current.add(line);
        }
        if (named || !current.isEmpty()) steps.add(new StepLog(title, first, current, failed));
        return steps;
    }

    private static boolean startsStep(String line) {
        // "Post Run actions/…" are actions' post hooks, "Post job cleanup." is the runner's own last step
        return line.startsWith(GROUP + "Run ") || line.startsWith(GROUP + "Post Run ")
                || line.startsWith(GROUP + "Post job cleanup");
    }

    /**
     * The step to diagnose: among steps that printed {@code ##[error]}, the one whose title matches the name the
     * jobs API gave the failed step; else the first that failed; else the last step with output (the runner lost
     * the job before it could write an error).
     *
     * @param failedStepName the API's name for the failed step ({@code steps[].name}), may be empty
     */
    public Optional<StepLog> failingStep(List<StepLog> steps, String failedStepName) {
        List<StepLog> failed = steps.stream().filter(StepLog::failed).toList();
        if (!failed.isEmpty()) {
            String wanted = normalise(failedStepName);
            if (!wanted.isEmpty()) {
                for (StepLog step : failed) {
                    String title = normalise(step.title());
                    if (title.equals(wanted) || title.equals("run " + wanted) || title.startsWith(wanted)) {
                        return Optional.of(step);
                    }
                }
            }
            return Optional.of(failed.getFirst());
        }
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (!steps.get(i).lines().isEmpty()) return Optional.of(steps.get(i));
        }
        return Optional.empty();
    }

    private static String normalise(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
