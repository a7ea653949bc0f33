package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs every tool's parser over a failing step and keeps what they found, deduplicated (Maven prints each compile
 * error twice, Jest repeats failures in its summary) and capped; also cuts the excerpt around the first error.
 */
public final class FailureExtractor {

    // Where an excerpt starts: the first line that looks like a tool reporting a failure.
    private static final Pattern ERRORISH = Pattern.compile(
            "(?i)(?:\\berror\\b|\\bfailed\\b|\\bfailure\\b|<<< FAIL|--- FAIL|\\bFAIL\\b|● |\\bpanicked\\b|\\bpanic:|exception|\\bfatal\\b|^E {3})");

    private final List<FailureParser> parsers;
    private final InfrastructureDetector infrastructure;
    private final Limits limits;

    /**
     * @param maxFacts        most facts kept (the first ones in the log)
     * @param linesBefore     lines of context kept before the first error
     * @param maxExcerptLines most lines in an excerpt
     * @param maxExcerptChars most characters in an excerpt
     */
    public record Limits(int maxFacts, int linesBefore, int maxExcerptLines, int maxExcerptChars) {
        public static final Limits DEFAULT = new Limits(20, 10, 60, 6_000);
    }

    public FailureExtractor(List<FailureParser> parsers, InfrastructureDetector infrastructure, Limits limits) {
        this.parsers = List.copyOf(parsers);
        this.infrastructure = infrastructure;
        this.limits = limits;
    }

    /** All parsers this module has, in a fixed order (compilers before test runners before linters). */
    public static List<FailureParser> allParsers() {
        return List.of(new JavacParser(), new KotlincParser(), new TscParser(), new RustcParser(), new GoBuildParser(),
                new CcParser(), new SurefireParser(), new GradleTestParser(), new PytestParser(), new JestParser(),
                new VitestParser(), new GoTestParser(), new CargoTestParser(), new EslintParser(),
                new PythonCheckParser());
    }

    public static FailureExtractor standard() {
        return new FailureExtractor(allParsers(), new InfrastructureDetector(), Limits.DEFAULT);
    }

    public Diagnosis diagnose(String job, StepLog step, List<String> wholeLog) {
        Map<String, FailureFact> unique = new LinkedHashMap<>();
        for (FailureParser parser : parsers) {
            for (FailureFact fact : parser.parse(step.lines())) {
                unique.putIfAbsent(dedupeKey(fact), fact);
            }
        }
        List<FailureFact> facts = new ArrayList<>(unique.values());
        if (facts.size() > limits.maxFacts()) facts = facts.subList(0, limits.maxFacts());
        Optional<InfrastructureSignal> infra = infrastructure.detect(step, wholeLog);
        return new Diagnosis(job, step.title(), facts, excerpt(step), infra);
    }

    private static String dedupeKey(FailureFact fact) {
        return switch (fact) {
            case CompileError c -> c.tool() + "|" + c.location() + "|" + c.message().lines().findFirst().orElse("");
            case LintError l -> l.tool() + "|" + l.location() + "|" + l.rule() + "|" + l.message();
            case TestFailure t -> t.tool() + "|" + t.testName();
        };
    }

    /** Up to {@code linesBefore} lines before the first error-looking line, and what follows, within the limits. */
    public LogExcerpt excerpt(StepLog step) {
        List<String> lines = step.lines();
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // the runner's closing "##[error]Process completed with exit code 1." is the last resort
            if (!line.startsWith("##[") && ERRORISH.matcher(line).find()) {
                first = i;
                break;
            }
        }
        if (first < 0) first = Math.max(0, lines.size() - limits.maxExcerptLines());
        int from = Math.max(0, first - limits.linesBefore());
        List<String> kept = new ArrayList<>();
        int chars = 0;
        for (int i = from; i < lines.size() && kept.size() < limits.maxExcerptLines(); i++) {
            String line = lines.get(i);
            if (line.startsWith("##[group]") || line.startsWith("##[endgroup]")) continue;
            if (line.length() > 500) line = line.substring(0, 500) + " …";
            if (chars + line.length() + 1 > limits.maxExcerptChars()) break;
            kept.add(line);
            chars += line.length() + 1;
        }
        return new LogExcerpt(step.firstLine() + from, kept);
    }
}
