package dev.seekfix.engine.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The token table: text, type and output bytes of every id, and the reverse lookup from text.
 *
 * <p>This is also the view that constrained decoding builds its token trie from: {@link #tokenBytes} gives the raw
 * bytes a token appends to the output and {@link #isText} says whether a grammar may ever allow it. DeepSeek's
 * vocabulary has NORMAL tokens (byte-level BPE), two CONTROL tokens (BOS, EOS) and USER_DEFINED tokens of two
 * kinds: the 13 byte symbols that DeepSeek moved out of the BPE range ({@code ø ö … ü}, real one-character text)
 * and markers ({@code [PAD100015]}, in Coder V1 also {@code <pad>}, {@code <|EOT|>}, FIM tokens). The choice is
 * made by type and text, never by id (CONSTRAINED-DECODING.md, section 2).
 */
public final class Vocabulary {

    private final String[] texts;    // [id]
    private final TokenType[] types; // [id]
    private final byte[][] bytes;    // [id] → output bytes
    private final boolean[] text;    // [id] → may be produced as text
    private final Map<String, Integer> idsByText;

    /**
     * @param texts token texts by id, as stored in the GGUF
     * @param types token types by id (already corrected for control-looking tokens)
     */
    Vocabulary(List<String> texts, TokenType[] types) {
        if (texts.size() != types.length) {
            throw new IllegalArgumentException(texts.size() + " token texts but " + types.length + " types");
        }
        int n = texts.size();
        this.texts = texts.toArray(String[]::new);
        this.types = types.clone();
        this.bytes = new byte[n][];
        this.text = new boolean[n];
        this.idsByText = HashMap.newHashMap(n);
        for (int id = 0; id < n; id++) {
            idsByText.put(this.texts[id], id); // the last id wins, as in llama.cpp's token_to_id
            bytes[id] = outputBytes(this.texts[id], this.types[id]);
            text[id] = switch (this.types[id]) {
                case NORMAL -> true;
                // the relocated byte symbols are text; [PADn], <pad>, <|EOT|> and other markers are not
                case USER_DEFINED -> this.texts[id].codePointCount(0, this.texts[id].length()) == 1;
                case CONTROL, UNKNOWN, UNUSED, BYTE, UNDEFINED -> false;
            };
        }
    }

    public int size() {
        return texts.length;
    }

    /** The token's text as stored in the GGUF (GPT-2 byte symbols for NORMAL tokens). */
    public String text(int id) {
        checkId(id);
        return texts[id];
    }

    public TokenType type(int id) {
        checkId(id);
        return types[id];
    }

    /** The id whose stored text is {@code text} (the highest such id, as llama.cpp resolves duplicates). */
    public OptionalInt idOf(String text) {
        Integer id = idsByText.get(text);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * The bytes this token appends to the output when special tokens are rendered: for NORMAL tokens the
     * GPT-2-decoded bytes (possibly a partial UTF-8 sequence), for USER_DEFINED, CONTROL and UNKNOWN tokens their
     * text in UTF-8, for the other types nothing. A fresh copy.
     */
    public byte[] tokenBytes(int id) {
        checkId(id);
        return bytes[id].clone();
    }

    /** The same as {@link #tokenBytes} without the copy; callers must not modify the array. */
    byte[] tokenBytesShared(int id) {
        return bytes[id];
    }

    /**
     * Whether the token may ever be sampled as ordinary text: NORMAL tokens and one-character USER_DEFINED
     * tokens. CONTROL tokens (BOS, EOS, auto-detected EOT/FIM), [PADn]-like markers and unused, unknown or byte
     * entries (which a BPE vocabulary renders as nothing) are not.
     */
    public boolean isText(int id) {
        checkId(id);
        return text[id];
    }

    public TokenBytes token(int id) {
        checkId(id);
        return new TokenBytes(id, bytes[id], types[id], text[id]);
    }

    private void checkId(int id) {
        if (id < 0 || id >= texts.length) {
            throw new IndexOutOfBoundsException("token id " + id + " is outside the vocabulary 0.." + (texts.length - 1));
        }
    }

    /**
     * llama.cpp token_to_piece for a BPE vocabulary with special rendering on: NORMAL text is mapped back through
     * the byte symbols ({@code llama_decode_text}, which writes {@code [UNK_BYTE_0x…]} for a character outside
     * the alphabet); USER_DEFINED, CONTROL and UNKNOWN tokens emit their text; other types emit nothing.
     */
    private static byte[] outputBytes(String tokenText, TokenType type) {
        switch (type) {
            case USER_DEFINED, CONTROL, UNKNOWN -> {
                return tokenText.getBytes(StandardCharsets.UTF_8);
            }
            case UNUSED, BYTE, UNDEFINED -> {
                return new byte[0];
            }
            case NORMAL -> {
                // decoded below
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(tokenText.length());
        for (int i = 0; i < tokenText.length(); ) {
            int cp = tokenText.codePointAt(i);
            i += Character.charCount(cp);
            int b = ByteSymbols.byteOf(cp);
            if (b >= 0) {
                out.write(b);
            } else {
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.writeBytes(("[UNK_BYTE_0x" + HexFormat.of().formatHex(utf8) + tokenText + "]")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
