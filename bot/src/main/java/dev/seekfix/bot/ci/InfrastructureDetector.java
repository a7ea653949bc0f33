package dev.seekfix.bot.ci;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds infrastructure failures in a log: network and DNS errors, remote 5xx answers, rate limits, memory and
 * disk exhaustion, lost runners and job time-outs. The patterns are the messages the runner, package managers,
 * compilers and the kernel actually print; a failing step's lines are searched first, then the whole job (the
 * runner reports a lost runner or a time-out outside any step).
 */
public final class InfrastructureDetector {

    private record Rule(InfrastructureSignal.Kind kind, Pattern pattern) {
    }

    private static Rule rule(InfrastructureSignal.Kind kind, String regex) {
        return new Rule(kind, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    private static final List<Rule> RULES = List.of(
            rule(InfrastructureSignal.Kind.RUNNER_LOST, "The runner has received a shutdown signal"
                    + "|lost communication with the server|The hosted runner .* lost communication"
                    + "|Runner connection (?:was )?lost|The self-hosted runner .* lost communication"),
            rule(InfrastructureSignal.Kind.TIMED_OUT, "has exceeded the maximum execution time of"),
            rule(InfrastructureSignal.Kind.DISK_FULL, "No space left on device|\\bENOSPC\\b"
                    + "|You are running out of disk space|There is not enough space on the disk"),
            rule(InfrastructureSignal.Kind.OUT_OF_MEMORY, "java\\.lang\\.OutOfMemoryError"
                    + "|JavaScript heap out of memory|Killed signal terminated program"
                    + "|\\bexit(?:ed with)? code 137\\b|\\bRan out of memory\\b|Cannot allocate memory"
                    + "|The runner has run out of memory|fatal error: runtime: out of memory"
                    + "|memory allocation of \\d+ bytes failed"),
            rule(InfrastructureSignal.Kind.RATE_LIMITED, "API rate limit exceeded|secondary rate limit"
                    + "|\\b429 Too Many Requests\\b|toomanyrequests:|You have reached your pull rate limit"),
            rule(InfrastructureSignal.Kind.UPSTREAM_UNAVAILABLE, "\\b(?:502 Bad Gateway|503 Service Unavailable"
                    + "|504 Gateway Time-?out)\\b|status code (?:502|503|504)\\b|HTTP (?:code |status )?(?:502|503|504)\\b"),
            rule(InfrastructureSignal.Kind.NETWORK, "Could not resolve host|Temporary failure in name resolution"
                    + "|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|\\bECONNRESET\\b|\\bETIMEDOUT\\b|\\bEAI_AGAIN\\b"
                    + "|Connection reset by peer|Connection timed out|Network is unreachable|TLS handshake timeout"
                    + "|\\bi/o timeout\\b|Could not transfer artifact|Could not GET 'https?://|Read timed out"
                    + "|npm ERR! network|unable to access 'https?://|error: RPC failed|Failed to connect to \\S+ port"
                    + "|UnknownHostException|SocketTimeoutException|Unable to connect to the remote server"));

    /** The first sign in the failing step, else in the whole job log. */
    public Optional<InfrastructureSignal> detect(StepLog failingStep, List<String> wholeLog) {
        return scan(failingStep.lines()).or(() -> scan(runnerLines(wholeLog)));
    }

    public Optional<InfrastructureSignal> scan(List<String> lines) {
        for (Rule rule : RULES) {
            for (String line : lines) {
                if (rule.pattern().matcher(line).find()) {
                    return Optional.of(new InfrastructureSignal(rule.kind(), line.strip()));
                }
            }
        }
        return Optional.empty();
    }

    /** Outside the failing step only the runner's own reports count: a test's output elsewhere may mention OOM. */
    private static List<String> runnerLines(List<String> wholeLog) {
        return wholeLog.stream().filter(l -> l.startsWith("##[error]") || l.startsWith("##[warning]")).toList();
    }
}
