package dev.seekfix.engine.chat;

/** A piece of a rendered chat prompt. */
public sealed interface PromptPart {

    /** Text written by the template or taken from a message: always tokenized as plain text. */
    record Text(String text) implements PromptPart {
    }

    /**
     * A special-token marker written by the template itself, such as {@code <｜begin▁of▁sentence｜>}: it becomes
     * that one token (or plain text when the vocabulary has no such special token).
     */
    record Marker(String tokenText) implements PromptPart {
    }
}
