package dev.seekfix.engine.generation;

import dev.seekfix.engine.grammar.TokenMatcher;
import dev.seekfix.engine.tokenizer.Tokenizer;
import dev.seekfix.engine.tokenizer.Vocabulary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A short way to finish a constrained output, so that a generation that runs out of tokens still ends in a
 * complete value instead of truncated JSON (CONSTRAINED-DECODING.md, section 2, point 11). The grammar package
 * does not expose shortest-completion lengths, so this walks the constraint byte by byte through the
 * vocabulary's single-byte tokens, preferring bytes that close things ({@code "}, {@code }}, {@code ]}) and
 * otherwise taking the lowest allowed byte, which for JSON picks {@code ,} over {@code .}, short digits and the
 * first enum value; forced runs (keys) follow by themselves. The bytes are then tokenized like any text and
 * checked against the constraint.
 */
final class ConstraintClosure {

    /** Longer closures are not looked for (a grammar where this walk does not terminate gets none). */
    static final int MAX_BYTES = 1024;

    private static final int[] PREFERRED = {'"', '}', ']'};

    private final Tokenizer tokenizer;
    private final int[] byteToken; // [256] the text token that emits exactly that byte, or -1

    ConstraintClosure(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.byteToken = new int[256];
        Arrays.fill(byteToken, -1);
        Vocabulary v = tokenizer.vocabulary();
        for (int id = 0; id < v.size(); id++) {
            if (!v.isText(id)) continue;
            byte[] b = v.token(id).bytes();
            if (b.length == 1 && byteToken[b[0] & 0xFF] < 0) byteToken[b[0] & 0xFF] = id;
        }
    }

    /** Tokens that take {@code matcher} (not modified) to a complete output, or empty when none was found. */
    Optional<int[]> tokensToComplete(TokenMatcher matcher) {
        if (matcher.isComplete() || matcher.isTerminated()) return Optional.of(new int[0]);
        TokenMatcher walk = matcher.copy();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!walk.isComplete()) {
            if (bytes.size() >= MAX_BYTES) return Optional.empty();
            int b = nextByte(walk);
            if (b < 0) return Optional.empty();
            walk.accept(byteToken[b]);
            bytes.write(b);
        }
        byte[] closing = bytes.toByteArray();
        int[] tokenized = tokenize(closing);
        if (accepts(matcher, tokenized)) return Optional.of(tokenized);
        int[] single = new int[closing.length];
        for (int i = 0; i < closing.length; i++) single[i] = byteToken[closing[i] & 0xFF];
        return Optional.of(single);
    }

    private int nextByte(TokenMatcher m) {
        for (int b : PREFERRED) {
            if (byteToken[b] >= 0 && m.isAllowed(byteToken[b])) return b;
        }
        for (int b = 0; b < 256; b++) {
            if (byteToken[b] >= 0 && m.isAllowed(byteToken[b])) return b;
        }
        return -1;
    }

    /** Leading UTF-8 continuation bytes (finishing a character begun by the last token) as byte tokens, the rest as text. */
    private int[] tokenize(byte[] closing) {
        int lead = 0;
        while (lead < closing.length && (closing[lead] & 0xC0) == 0x80) lead++;
        int[] text = tokenizer.encode(new String(closing, lead, closing.length - lead, StandardCharsets.UTF_8));
        int[] out = new int[lead + text.length];
        for (int i = 0; i < lead; i++) out[i] = byteToken[closing[i] & 0xFF];
        System.arraycopy(text, 0, out, lead, text.length);
        return out;
    }

    private static boolean accepts(TokenMatcher matcher, int[] tokens) {
        TokenMatcher m = matcher.copy();
        for (int t : tokens) {
            if (!m.accept(t)) return false;
        }
        return m.isComplete();
    }
}
