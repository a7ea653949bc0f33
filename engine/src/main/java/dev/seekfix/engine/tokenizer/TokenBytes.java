package dev.seekfix.engine.tokenizer;

/**
 * One vocabulary entry as the output side sees it.
 *
 * @param id    token id
 * @param bytes what the token emits (GPT-2-decoded bytes for NORMAL tokens, the UTF-8 text of USER_DEFINED and
 *              CONTROL tokens); may be a partial UTF-8 sequence. Callers must not modify it.
 * @param type  the token's type after llama.cpp's corrections ({@link Vocabulary})
 * @param text  whether the token may ever be produced as ordinary text ({@link Vocabulary#isText})
 */
public record TokenBytes(int id, byte[] bytes, TokenType type, boolean text) {
}
