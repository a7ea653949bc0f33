package dev.seekfix.bot.model;

import dev.seekfix.engine.api.ChatMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives a model one chance to repair an answer that is not valid for the requested JSON schema: servers that ignore
 * {@code response_format} and local models without constrained decoding produce such answers. The repaired answer
 * is returned only when it is valid; otherwise {@link MalformedAnswerException}. Answers to schema requests that pass
 * are returned as the extracted JSON text (fences and chatter removed).
 */
public final class RepairingCodeModel implements CodeModel {

    private final CodeModel backend;
    private final JsonAnswerCheck check;

    public RepairingCodeModel(CodeModel backend, JsonAnswerCheck check) {
        this.backend = backend;
        this.check = check;
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        ModelReply first = backend.complete(request);
        if (request.jsonSchema().isEmpty()) return first;
        String schema = request.jsonSchema().get();
        switch (check.check(first.text(), schema)) {
            case JsonAnswerCheck.Result.Valid v -> {
                return new ModelReply(v.value().toString(), first.usage());
            }
            case JsonAnswerCheck.Result.Invalid invalid -> {
                List<ChatMessage> messages = new ArrayList<>(request.messages());
                messages.add(ChatMessage.assistant(first.text()));
                messages.add(ChatMessage.user("""
                        Your answer is not valid: %s
                        Answer again with only one JSON object that is valid for this JSON schema, nothing else:
                        %s""".formatted(invalid.problem(), schema)));
                ModelReply second = backend.complete(request.withMessages(messages)).plus(first.usage());
                return switch (check.check(second.text(), schema)) {
                    case JsonAnswerCheck.Result.Valid v -> new ModelReply(v.value().toString(), second.usage());
                    case JsonAnswerCheck.Result.Invalid again -> throw new MalformedAnswerException(
                            "model %s answered twice without valid JSON for the schema (first: %s; after repair: %s)"
                                    .formatted(backend.label(), invalid.problem(), again.problem()), second.text());
                };
            }
        }
    }

    @Override
    public String label() {
        return backend.label();
    }

    @Override
    public int contextTokens() {
        return backend.contextTokens();
    }

    @Override
    public int countTokens(String text) {
        return backend.countTokens(text);
    }
}
