package dev.seekfix.bot.prompts;

/**
 * A value put into a prompt template. PR titles, bodies, code, diffs and logs are {@link Untrusted}: the template
 * renders them between delimiters the system prompt tells the model to treat as data, never as instructions.
 */
public sealed interface PromptValue {

    /** Text seekfix or the repository's default-branch config wrote. */
    record Trusted(String text) implements PromptValue {
    }

    /** Text anyone who opens a PR controls. */
    record Untrusted(String label, String text) implements PromptValue {
    }

    static PromptValue trusted(String text) {
        return new Trusted(text);
    }

    static PromptValue untrusted(String label, String text) {
        return new Untrusted(label, text);
    }
}
