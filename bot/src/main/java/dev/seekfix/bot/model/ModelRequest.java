package dev.seekfix.bot.model;

import dev.seekfix.engine.api.ChatMessage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question for the model.
 *
 * @param jsonSchema when present, the answer must be one JSON value valid for this schema
 * @param maxTokens  most tokens the answer may use
 */
public record ModelRequest(List<ChatMessage> messages, Optional<String> jsonSchema, int maxTokens) {
    public ModelRequest {
        messages = List.copyOf(messages);
        Objects.requireNonNull(jsonSchema, "jsonSchema");
        if (messages.isEmpty()) throw new IllegalArgumentException("a model request needs at least one message");
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be >= 1, found " + maxTokens);
    }

    public static ModelRequest text(List<ChatMessage> messages, int maxTokens) {
        return new ModelRequest(messages, Optional.empty(), maxTokens);
    }

    public static ModelRequest json(List<ChatMessage> messages, String schema, int maxTokens) {
        return new ModelRequest(messages, Optional.of(schema), maxTokens);
    }

    public ModelRequest withMessages(List<ChatMessage> replacement) {
        return new ModelRequest(replacement, jsonSchema, maxTokens);
    }
}
