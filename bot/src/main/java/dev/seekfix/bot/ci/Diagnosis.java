package dev.seekfix.bot.ci;

import java.util.List;
import java.util.Optional;

/**
 * What went wrong in one failing job: the structured facts the parsers found, the log excerpt around the first
 * error (the fallback when no parser recognised the output, and the evidence shown in the comment), and any sign
 * of an infrastructure failure.
 *
 * @param job  the job's name ({@code build (ubuntu-latest, 21)}), also the check-run name
 * @param step the failing step's title as the log shows it
 */
public record Diagnosis(String job, String step, List<FailureFact> facts, LogExcerpt excerpt,
                        Optional<InfrastructureSignal> infrastructure) {

    public Diagnosis {
        facts = List.copyOf(facts);
    }

    public boolean hasCodeErrors() {
        return facts.stream().anyMatch(f -> f instanceof CompileError || f instanceof LintError);
    }

    /**
     * Identifies this failure across runs and commits, for the per-failure attempt cap: the job plus the sorted
     * signatures of the facts (no line numbers), or the job and step when nothing was parsed.
     */
    public String failureKey() {
        List<String> signatures = facts.stream().map(FailureFact::signature).sorted().distinct().toList();
        String body = signatures.isEmpty() ? "step:" + step : String.join("\n", signatures);
        return job + "\n" + body;
    }
}
