package dev.seekfix.bot.fix;

import dev.seekfix.bot.ci.Diagnosis;
import dev.seekfix.bot.ci.FailureClass;
import dev.seekfix.bot.ci.FailureFact;
import dev.seekfix.bot.publish.Fences;
import dev.seekfix.bot.publish.Markers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The one comment a failing check gets on a pull request, updated in place on every attempt: what failed, why,
 * the class, the fix and where it is, verified or not, and the log excerpt; when no fix was found, what was tried
 * and why it failed. It carries a hidden marker naming the PR and the check.
 */
public final class FixComment {

    private static final int MAX_FACTS = 8;

    private FixComment() {
    }

    /** {@code <!-- seekfix:fix pr=42 check=3f2a… -->}: one comment per PR and check, whatever the head. */
    public static String marker(int pr, String checkName) {
        return "<!-- seekfix:fix pr=%d check=%s -->".formatted(pr, checkKey(checkName));
    }

    /** {@code <!-- seekfix:fix-suggestions pr=42 head=abc check=3f2a… -->} on the suggestions review. */
    public static String suggestionsMarker(int pr, String headSha, String checkName) {
        return "<!-- seekfix:fix-suggestions pr=%d head=%s check=%s -->".formatted(pr, headSha, checkKey(checkName));
    }

    static String checkKey(String checkName) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(checkName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Everything the comment says. */
    public record Content(int pr, String headSha, String runUrl, Diagnosis diagnosis, FailureClass failureClass,
                          Result result, String footer) {
    }

    /** What became of the attempt. */
    public sealed interface Result {
        /** A checked fix, published. */
        record Fixed(String explanation, CheckedPatch patch, Publication publication, Verification verification)
                implements Result {
        }

        /** The model was asked; nothing passed. */
        record NoFix(String explanation, List<String> tried) implements Result {
            public NoFix {
                tried = List.copyOf(tried);
            }
        }

        /** Not patched on purpose (infrastructure, pre-existing); {@code why} says so. */
        record NotAttempted(String why) implements Result {
        }
    }

    public static String render(Content c) {
        Diagnosis d = c.diagnosis();
        StringBuilder out = new StringBuilder();
        out.append("### seekfix: `").append(inline(d.job())).append("` failed on ")
                .append(FixLoopGuard.shortSha(c.headSha())).append(" — ").append(c.failureClass().label()).append("\n\n");

        out.append("**What failed**: step `").append(inline(d.step())).append("` of `").append(inline(d.job())).append('`');
        if (!c.runUrl().isEmpty()) out.append(" ([run](").append(c.runUrl()).append("))");
        out.append('\n');
        List<FailureFact> facts = d.facts();
        facts.stream().limit(MAX_FACTS).forEach(f -> out.append("- `").append(inline(f.headline())).append("`\n"));
        if (facts.size() > MAX_FACTS) out.append("- … and ").append(facts.size() - MAX_FACTS).append(" more\n");
        if (facts.isEmpty()) out.append("- no known tool's errors were recognised; see the log excerpt below\n");
        out.append('\n');

        out.append("**Class**: ").append(c.failureClass().label()).append(" — ").append(evidence(c.failureClass()))
                .append("\n\n");

        switch (c.result()) {
            case Result.Fixed f -> {
                if (!f.explanation().isBlank()) out.append("**Why**: ").append(text(f.explanation())).append("\n\n");
                out.append("**The fix**: ").append(where(f.publication())).append("\n\n");
                out.append(f.verification().summary()).append("\n\n");
                out.append(details("Patch (" + f.patch().changedLines() + " changed lines in "
                        + String.join(", ", f.patch().paths()) + ")", Fences.block("diff", f.patch().diff()),
                        f.publication() instanceof Publication.PatchInComment));
            }
            case Result.NoFix n -> {
                if (!n.explanation().isBlank()) out.append("**Why**: ").append(text(n.explanation())).append("\n\n");
                out.append("**No fix found.** What seekfix tried:\n");
                n.tried().forEach(t -> out.append("- ").append(text(t)).append('\n'));
                out.append('\n');
            }
            case Result.NotAttempted n -> out.append("**No patch**: ").append(n.why()).append("\n\n");
        }

        if (!d.excerpt().isEmpty()) {
            int first = d.excerpt().firstLine();
            int last = first + d.excerpt().lines().size() - 1;
            out.append(details("Log excerpt (lines " + first + "–" + last + ")", Fences.block("text", d.excerpt().text()),
                    false));
        }
        out.append(c.footer().strip()).append('\n').append(marker(c.pr(), d.job())).append('\n');
        return out.toString();
    }

    private static String where(Publication p) {
        return switch (p) {
            case Publication.Suggested s -> s.suggestions() + " committable suggestion"
                    + (s.suggestions() == 1 ? "" : "s") + " in a review on this pull request"
                    + (s.note().isEmpty() ? "." : " (" + s.note() + ").");
            case Publication.PatchInComment pc -> "the patch below, to apply with `git apply` (" + pc.why() + ").";
            case Publication.FixPullRequest pr -> "pull request #" + pr.number() + " into this branch, from `"
                    + pr.branch() + "`.";
            case Publication.Committed cm -> "commit " + FixLoopGuard.shortSha(cm.sha()) + " on `" + cm.branch() + "`.";
        };
    }

    private static String evidence(FailureClass c) {
        return switch (c) {
            case FailureClass.CausedByPr p -> p.evidence() + ".";
            case FailureClass.PreExisting p -> p.evidence() + ".";
            case FailureClass.Infrastructure i -> i.signal().kind().description() + ": `" + inline(i.signal().evidence()) + "`.";
            case FailureClass.Undetermined u -> u.reason() + ".";
        };
    }

    private static String details(String summary, String body, boolean open) {
        return "<details" + (open ? " open" : "") + "><summary>" + escape(summary) + "</summary>\n\n" + body + "\n\n</details>\n\n";
    }

    /** Model and log text: no HTML comments (they could forge markers), no raw HTML tags. */
    static String text(String untrusted) {
        return escape(Markers.sanitize(untrusted.strip()));
    }

    private static String inline(String s) {
        String flat = Markers.sanitize(s).replace("`", "'").replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 199) + "…" : flat;
    }

    private static String escape(String s) {
        return s.replace("<", "&lt;").replace(">", "&gt;");
    }
}
