package dev.seekfix.engine.chat;

import dev.seekfix.engine.api.ChatMessage;
import dev.seekfix.engine.tokenizer.TokenType;
import dev.seekfix.engine.tokenizer.Tokenizer;
import dev.seekfix.engine.tokenizer.Vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns chat messages into prompt token ids: render with the selected template, then tokenize. Text between two
 * markers is tokenized as one fragment (so {@code "User: " + content} splits exactly as llama.cpp splits it), with
 * special-token parsing off; each marker becomes its special token.
 */
public final class ChatPromptEncoder {

    private final Tokenizer tokenizer;
    private final ChatTemplateSelection selection;

    public ChatPromptEncoder(Tokenizer tokenizer, ChatTemplateSelection selection) {
        this.tokenizer = tokenizer;
        this.selection = selection;
    }

    /** With the template the tokenizer's GGUF asks for. */
    public static ChatPromptEncoder forTokenizer(Tokenizer tokenizer) {
        return new ChatPromptEncoder(tokenizer, ChatTemplateSelection.of(tokenizer.chatTemplate()));
    }

    public ChatTemplateSelection selection() {
        return selection;
    }

    /** The prompt that asks the assistant for its next reply. */
    public int[] encode(List<ChatMessage> messages) {
        return encode(selection.template().render(messages, true));
    }

    public int[] encode(RenderedPrompt prompt) {
        int[] out = new int[0];
        StringBuilder pending = new StringBuilder();
        for (PromptPart part : prompt.parts()) {
            switch (part) {
                case PromptPart.Text(String text) -> pending.append(text);
                case PromptPart.Marker(String tokenText) -> {
                    OptionalInt id = specialId(tokenText);
                    if (id.isPresent()) {
                        out = concat(out, tokenizer.encode(pending.toString()), id.getAsInt());
                        pending.setLength(0);
                    } else {
                        pending.append(tokenText); // this vocabulary has no such special token: plain text
                    }
                }
            }
        }
        return concat(out, tokenizer.encode(pending.toString()));
    }

    private OptionalInt specialId(String tokenText) {
        Vocabulary v = tokenizer.vocabulary();
        OptionalInt id = v.idOf(tokenText);
        if (id.isEmpty()) return id;
        TokenType type = v.type(id.getAsInt());
        return type == TokenType.CONTROL || type == TokenType.USER_DEFINED ? id : OptionalInt.empty();
    }

    private static int[] concat(int[] a, int[] b, int... c) {
        int[] out = Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }
}
