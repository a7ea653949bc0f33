package dev.seekfix.bot.publish;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden HTML comments everything seekfix posts carries, so that a task finds its own earlier work and updates
 * it instead of posting again (DESIGN.md: {@code <!-- seekfix:review pr=42 head=abc123 -->}). One class owns every
 * marker's spelling.
 */
public final class Markers {
    private static final Pattern FINDING = Pattern.compile("<!-- seekfix:finding fp=([0-9a-f]+) -->");
    private static final Pattern NOTES = Pattern.compile("<!-- seekfix:notes fp=([0-9a-f,]*) -->");
    private static final Pattern STATE = Pattern.compile("<!-- seekfix:state (paused|resumed) -->");
    public static final String DESCRIBE_START = "<!-- seekfix:describe:start -->";
    public static final String DESCRIBE_END = "<!-- seekfix:describe:end -->";

    private Markers() {
    }

    public static String review(int pr, String headSha) {
        return "<!-- seekfix:review pr=%d head=%s -->".formatted(pr, headSha);
    }

    /** Any seekfix review of this PR, whatever its head. */
    public static boolean isReview(String body, int pr) {
        return body.contains("<!-- seekfix:review pr=" + pr + " ");
    }

    public static String finding(String fingerprint) {
        return "<!-- seekfix:finding fp=%s -->".formatted(fingerprint);
    }

    public static String notes(Set<String> fingerprints) {
        return "<!-- seekfix:notes fp=%s -->".formatted(String.join(",", fingerprints));
    }

    /** Fingerprints recorded in a comment or review body (inline findings and notes moved to the body). */
    public static Set<String> fingerprints(String body) {
        Set<String> out = new LinkedHashSet<>();
        Matcher f = FINDING.matcher(body);
        while (f.find()) out.add(f.group(1));
        Matcher n = NOTES.matcher(body);
        while (n.find()) {
            Arrays.stream(n.group(1).split(",")).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }

    /** The reply to comment {@code commentId}: a re-delivered command edits it instead of answering twice. */
    public static String answer(long commentId) {
        return "<!-- seekfix:answer to=%d -->".formatted(commentId);
    }

    public static String state(boolean paused) {
        return "<!-- seekfix:state %s -->".formatted(paused ? "paused" : "resumed");
    }

    /** {@code paused} or {@code resumed} when the body is a state comment. */
    public static Optional<Boolean> pausedState(String body) {
        Matcher m = STATE.matcher(body);
        return m.find() ? Optional.of(m.group(1).equals("paused")) : Optional.empty();
    }

    public static String configError(String fileSha) {
        return "<!-- seekfix:config-error file=%s -->".formatted(fileSha);
    }

    public static String checkRunName() {
        return "seekfix review";
    }

    /**
     * Defuses HTML comments in model output so that an answer cannot forge a marker (and with it make seekfix skip
     * or overwrite its own work).
     */
    public static String sanitize(String modelText) {
        return modelText.replace("<!--", "&lt;!--");
    }
}
