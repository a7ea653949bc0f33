package dev.seekfix.engine.api;

import java.util.List;

/** What the model continues: chat messages (through the chat template), raw text, or token ids. */
public sealed interface Prompt {

    /** Rendered with the GGUF's chat template (DeepSeek's when the file has none); BOS is part of the template. */
    record Chat(List<ChatMessage> messages) implements Prompt {
        public Chat { messages = List.copyOf(messages); }
    }

    /** Plain text, tokenized without parsing special tokens; BOS is prepended when {@code addBos}. */
    record Text(String text, boolean addBos) implements Prompt {
    }

    /** Token ids used as they are. */
    record Tokens(int[] ids) implements Prompt {
        public Tokens { ids = ids.clone(); }
    }
}
