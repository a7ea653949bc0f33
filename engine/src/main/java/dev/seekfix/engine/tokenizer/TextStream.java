package dev.seekfix.engine.tokenizer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a stream of tokens into text piece by piece. A token may end in the middle of a UTF-8 sequence (an emoji
 * is often two or three tokens); those bytes are held back until the sequence is complete, so every returned
 * string is whole characters. Invalid bytes become U+FFFD, as {@code new String(bytes, UTF_8)} would do.
 * Not thread-safe: one per generation.
 */
public final class TextStream {

    private final Vocabulary vocabulary;
    private final boolean renderSpecial;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(64); // bytes not yet decoded, in read mode between calls

    TextStream(Vocabulary vocabulary, boolean renderSpecial) {
        this.vocabulary = vocabulary;
        this.renderSpecial = renderSpecial;
        pending.flip();
    }

    /** Adds one token; returns the text it completes (possibly empty). */
    public String add(int tokenId) {
        TokenType type = vocabulary.type(tokenId);
        if (!renderSpecial && (type == TokenType.CONTROL || type == TokenType.UNKNOWN)) return "";
        return add(vocabulary.tokenBytesShared(tokenId));
    }

    /** Adds raw bytes; returns the text they complete (possibly empty). */
    public String add(byte[] bytes) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length);
        in.put(pending).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false); // leaves an incomplete trailing sequence in `in`
        pending = in.compact().flip();
        return out.flip().toString();
    }

    /** Whether bytes of an unfinished character are held back. */
    public boolean hasPendingBytes() {
        return pending.hasRemaining();
    }

    /** Ends the stream: held-back bytes of an unfinished character come out as U+FFFD. */
    public String finish() {
        CharBuffer out = CharBuffer.allocate(pending.remaining() + 2);
        decoder.decode(pending, out, true);
        decoder.flush(out);
        decoder.reset();
        pending = ByteBuffer.allocate(0);
        return out.flip().toString();
    }
}
