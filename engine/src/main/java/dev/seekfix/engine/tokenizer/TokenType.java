package dev.seekfix.engine.tokenizer;

/**
 * The kind of a vocabulary entry, as stored in GGUF {@code tokenizer.ggml.token_type} (llama.cpp
 * {@code llama_token_type}). It decides how a token is split out of text and how it is rendered.
 */
public enum TokenType {
    /** Not written by the converter (code 0), or a code this engine does not know. */
    UNDEFINED(0),
    /** A byte-level BPE token: its text is GPT-2 byte symbols. */
    NORMAL(1),
    UNKNOWN(2),
    /** BOS, EOS and other markers: never split out of plain text, rendered only on request. */
    CONTROL(3),
    /** Added tokens matched verbatim in text before BPE (DeepSeek: 13 relocated byte symbols, [PADn]). */
    USER_DEFINED(4),
    UNUSED(5),
    BYTE(6);

    private final int ggufCode;

    TokenType(int ggufCode) {
        this.ggufCode = ggufCode;
    }

    public int ggufCode() {
        return ggufCode;
    }

    /** llama.cpp maps unknown codes to UNDEFINED as well (llama-vocab.cpp, load). */
    public static TokenType fromGgufCode(int code) {
        for (TokenType t : values()) {
            if (t.ggufCode == code) return t;
        }
        return UNDEFINED;
    }
}
