package dev.seekfix.bot.fix;

import dev.seekfix.bot.ci.FailureFact;
import dev.seekfix.bot.ci.TestFailure;
import dev.seekfix.bot.prompts.PromptTemplates;
import dev.seekfix.bot.prompts.PromptValue;
import dev.seekfix.engine.api.ChatMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fix prompt ({@code prompts/fix-ci/system.md}, {@code user.md}) and its answer schema
 * ({@code prompts/fix-ci/answer.schema.json}). Everything from the PR and the log is passed as untrusted data.
 */
public final class FixPrompt {

    static final String TASK = "fix-ci";
    public static final String SCHEMA = resource("/prompts/fix-ci/answer.schema.json");

    private final PromptTemplates templates;

    public FixPrompt(PromptTemplates templates) {
        this.templates = templates;
    }

    /** @param feedback why the previous round's patch was refused, or empty in the first round */
    public List<ChatMessage> render(FixContext ctx, String feedback) {
        Map<String, PromptValue> values = new LinkedHashMap<>();
        values.put("repository", PromptValue.trusted(ctx.repository()));
        values.put("number", PromptValue.trusted(Integer.toString(ctx.pr().number())));
        values.put("title", PromptValue.untrusted("pull-request-title", ctx.pr().title()));
        values.put("check", PromptValue.untrusted("check-name", ctx.diagnosis().job()));
        values.put("step", PromptValue.untrusted("step-name", ctx.diagnosis().step()));
        values.put("classification", PromptValue.trusted(ctx.failureClass().label()));
        values.put("facts", PromptValue.untrusted("failure-facts", facts(ctx.diagnosis().facts())));
        values.put("excerpt", PromptValue.untrusted("ci-log", ctx.diagnosis().excerpt().text()));
        values.put("files", PromptValue.untrusted("head-files", files(ctx.files())));
        values.put("diff", PromptValue.untrusted("pull-request-diff", ctx.prDiff().isEmpty() ? "(no diff)" : ctx.prDiff()));
        values.put("feedback", feedback.isEmpty() ? PromptValue.trusted("")
                : PromptValue.untrusted("previous-attempt", "Your previous patch was refused: " + feedback
                + "\nAnswer again with a corrected patch, copying context lines exactly from the files shown."));
        return templates.render(TASK, values);
    }

    static String facts(List<FailureFact> facts) {
        if (facts.isEmpty()) return "(no known tool's errors were recognised; see the log excerpt)";
        StringBuilder out = new StringBuilder();
        for (FailureFact f : facts) {
            out.append("- [").append(f.tool()).append("] ").append(f.headline()).append('\n');
            if (f instanceof TestFailure t) {
                for (String d : t.details()) out.append("    ").append(d).append('\n');
                t.frames().stream().limit(5).forEach(fr -> out.append("    at ").append(fr).append('\n'));
            }
        }
        return out.toString();
    }

    static String files(List<SourceFile> files) {
        if (files.isEmpty()) return "(none could be found at the head)";
        StringBuilder out = new StringBuilder();
        for (SourceFile f : files) {
            out.append("=== ").append(f.path());
            if (!f.whole()) out.append(" (lines ").append(f.firstLine()).append('-').append(f.lastLine())
                    .append(" of ").append(f.totalLines()).append(')');
            out.append(" ===\n").append(f.text()).append('\n');
        }
        return out.toString();
    }

    static String resource(String name) {
        try (InputStream in = FixPrompt.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource " + name + " is missing from the bot jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
