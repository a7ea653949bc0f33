/**
 * DeepSeek chat formats: the GGUF's {@code tokenizer.chat_template} is recognised
 * ({@link dev.seekfix.engine.chat.ChatTemplateSelection}), rendered in Java with special-token markers kept apart
 * from message text ({@link dev.seekfix.engine.chat.RenderedPrompt}) and encoded to prompt ids
 * ({@link dev.seekfix.engine.chat.ChatPromptEncoder}).
 */
package dev.seekfix.engine.chat;
