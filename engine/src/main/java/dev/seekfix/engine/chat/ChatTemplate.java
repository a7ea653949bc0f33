package dev.seekfix.engine.chat;

import dev.seekfix.engine.api.ChatMessage;

import java.util.List;

/** A chat format of the DeepSeek family, rendered in Java (no Jinja engine). */
public sealed interface ChatTemplate permits DeepSeekV2Template, DeepSeekV25Template {

    /** DeepSeek's special-token texts, shared by the family's vocabularies. */
    String BOS = "<｜begin▁of▁sentence｜>";
    String EOS = "<｜end▁of▁sentence｜>";

    /** A short name for messages, e.g. {@code deepseek-v2}. */
    String name();

    /**
     * Renders {@code messages} in order; with {@code addGenerationPrompt} the prompt ends where the assistant's
     * reply begins. Every rendering starts with BOS: llama.cpp ends up with exactly one BOS for these models
     * whether the Jinja template writes it or the tokenizer adds it.
     */
    RenderedPrompt render(List<ChatMessage> messages, boolean addGenerationPrompt);
}
