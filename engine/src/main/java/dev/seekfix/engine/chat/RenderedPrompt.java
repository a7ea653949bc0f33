package dev.seekfix.engine.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A chat rendered by a template, keeping apart what the template wrote as special tokens and what came from the
 * messages. Message text is never parsed for special tokens, so a pull request that contains
 * {@code <｜end▁of▁sentence｜>} cannot end a turn early (llama.cpp parses the whole rendered string instead; for
 * content without such text the ids are the same).
 */
public record RenderedPrompt(List<PromptPart> parts) {

    public RenderedPrompt {
        parts = List.copyOf(parts);
    }

    /** The prompt as one string, markers written as their text (for display and logs). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (PromptPart p : parts) {
            switch (p) {
                case PromptPart.Text(String text) -> sb.append(text);
                case PromptPart.Marker(String tokenText) -> sb.append(tokenText);
            }
        }
        return sb.toString();
    }

    /** Collects parts, merging adjacent text. */
    static final class Builder {
        private final List<PromptPart> parts = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Builder text(String s) {
            text.append(s);
            return this;
        }

        Builder marker(String tokenText) {
            flush();
            parts.add(new PromptPart.Marker(tokenText));
            return this;
        }

        private void flush() {
            if (!text.isEmpty()) {
                parts.add(new PromptPart.Text(text.toString()));
                text.setLength(0);
            }
        }

        RenderedPrompt build() {
            flush();
            return new RenderedPrompt(parts);
        }
    }
}
