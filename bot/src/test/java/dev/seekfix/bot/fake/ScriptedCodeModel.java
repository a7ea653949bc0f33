package dev.seekfix.bot.fake;

import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.ModelReply;
import dev.seekfix.bot.model.ModelRequest;
import dev.seekfix.bot.model.TokenUsage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A model that answers from a script, one answer per call, and records the requests. Counts four characters a
 * token. When the script runs out it answers {@code {"findings":[]}}.
 */
public final class ScriptedCodeModel implements CodeModel {
    private final Deque<String> answers = new ArrayDeque<>();
    public final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
    private final int context;

    public ScriptedCodeModel(int context) {
        this.context = context;
    }

    public ScriptedCodeModel answer(String... texts) {
        answers.addAll(List.of(texts));
        return this;
    }

    @Override
    public synchronized ModelReply complete(ModelRequest request) {
        requests.add(request);
        String text = answers.isEmpty() ? "{\"findings\":[]}" : answers.poll();
        long prompt = request.messages().stream().mapToLong(m -> countTokens(m.content())).sum();
        return new ModelReply(text, TokenUsage.ofOneCall(prompt, countTokens(text)));
    }

    @Override
    public String label() {
        return "scripted-test-model";
    }

    @Override
    public int contextTokens() {
        return context;
    }

    @Override
    public int countTokens(String text) {
        return (text.length() + 3) / 4;
    }
}
