package dev.seekfix.engine.tokenizer;

import java.util.Arrays;

/**
 * GPT-2's reversible byte-to-unicode alphabet: every byte becomes one printable character, so byte-level BPE
 * tokens can be stored as text. Printable Latin-1 bytes ({@code ! .. ~}, {@code ¡ .. ¬}, {@code ® .. ÿ}) map to
 * themselves; the other 68 bytes map, in increasing order, to U+0100 onwards (a space becomes {@code Ġ}).
 * Source: OpenAI gpt-2 encoder.py {@code bytes_to_unicode}, llama.cpp unicode.cpp {@code unicode_byte_to_utf8_map}.
 */
public final class ByteSymbols {

    private static final int[] BYTE_TO_CODEPOINT = new int[256];
    private static final int[] CODEPOINT_TO_BYTE; // index = code point (< 0x144), -1 when not a byte symbol

    static {
        boolean[] printable = new boolean[256];
        for (int b = '!'; b <= '~'; b++) printable[b] = true;
        for (int b = 0xA1; b <= 0xAC; b++) printable[b] = true;
        for (int b = 0xAE; b <= 0xFF; b++) printable[b] = true;
        int next = 256;
        for (int b = 0; b < 256; b++) {
            BYTE_TO_CODEPOINT[b] = printable[b] ? b : next++;
        }
        CODEPOINT_TO_BYTE = new int[next];
        Arrays.fill(CODEPOINT_TO_BYTE, -1);
        for (int b = 0; b < 256; b++) CODEPOINT_TO_BYTE[BYTE_TO_CODEPOINT[b]] = b;
    }

    private ByteSymbols() {
    }

    /** The symbol (a code point) that stands for byte {@code b} (0..255). */
    public static int symbolOf(int b) {
        return BYTE_TO_CODEPOINT[b & 0xFF];
    }

    /** The byte that {@code codePoint} stands for, or -1 when it is not one of the 256 symbols. */
    public static int byteOf(int codePoint) {
        return codePoint >= 0 && codePoint < CODEPOINT_TO_BYTE.length ? CODEPOINT_TO_BYTE[codePoint] : -1;
    }

    /** The symbol text of raw bytes, one character per byte. */
    public static String encode(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) sb.appendCodePoint(symbolOf(b));
        return sb.toString();
    }
}
