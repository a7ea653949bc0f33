package dev.seekfix.engine.chat;

import java.util.Optional;

/**
 * Which chat format a model gets, and why. The GGUF's {@code tokenizer.chat_template} is preferred (ENGINE.md);
 * it is recognised, not executed: a known DeepSeek template is rendered by its Java equivalent, anything else
 * falls back to DeepSeek-V2's format, and {@link #description()} says so for the CLI and the logs.
 *
 * @param template what renders the chat
 * @param source   how it was chosen
 */
public record ChatTemplateSelection(ChatTemplate template, Source source) {

    public enum Source {
        /** The GGUF's template is, character for character, a known DeepSeek template. */
        GGUF_EXACT,
        /** The GGUF's template carries the markers of a DeepSeek template (llama.cpp's detection rule). */
        GGUF_MARKERS,
        /** The GGUF has no chat template. */
        DEFAULT_NO_TEMPLATE,
        /** The GGUF's template is not a DeepSeek one this engine knows. */
        DEFAULT_UNRECOGNISED
    }

    /** Chooses from the GGUF's {@code tokenizer.chat_template}, if any. */
    public static ChatTemplateSelection of(Optional<String> ggufTemplate) {
        if (ggufTemplate.isEmpty() || ggufTemplate.get().isBlank()) {
            return new ChatTemplateSelection(new DeepSeekV2Template(), Source.DEFAULT_NO_TEMPLATE);
        }
        String jinja = ggufTemplate.get();
        if (jinja.strip().equals(DeepSeekV2Template.JINJA)) {
            return new ChatTemplateSelection(new DeepSeekV2Template(), Source.GGUF_EXACT);
        }
        // the order of llama.cpp's llm_chat_detect_template: the V2 form is tested before the role-token form
        if (jinja.contains(DeepSeekV2Template.SIGNATURE)) {
            return new ChatTemplateSelection(new DeepSeekV2Template(), Source.GGUF_MARKERS);
        }
        boolean roleTokens = jinja.contains(DeepSeekV25Template.USER) && jinja.contains(DeepSeekV25Template.ASSISTANT)
                && jinja.contains(ChatTemplate.EOS);
        // R1-style templates also strip <think> sections from replies; rendering them as V2.5 would be wrong
        if (roleTokens && !jinja.contains("</think>")) {
            return new ChatTemplateSelection(new DeepSeekV25Template(jinja.contains("is_first_sp")), Source.GGUF_MARKERS);
        }
        return new ChatTemplateSelection(new DeepSeekV2Template(), Source.DEFAULT_UNRECOGNISED);
    }

    /** One line for the CLI, e.g. "chat template: deepseek-v2 (the GGUF's own template)". */
    public String description() {
        String name = template.name();
        return switch (source) {
            case GGUF_EXACT -> "chat template: " + name + " (the GGUF's own template)";
            case GGUF_MARKERS -> "chat template: " + name + " (recognised in the GGUF's template by its markers)";
            case DEFAULT_NO_TEMPLATE -> "chat template: " + name + " (default: the GGUF has no tokenizer.chat_template)";
            case DEFAULT_UNRECOGNISED -> "chat template: " + name + " (default: the GGUF's tokenizer.chat_template is"
                    + " not a DeepSeek template this engine knows, so it is not used)";
        };
    }

    /** Whether the template came from the GGUF rather than the default. */
    public boolean fromGguf() {
        return source == Source.GGUF_EXACT || source == Source.GGUF_MARKERS;
    }
}
