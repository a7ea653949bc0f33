package dev.seekfix.bot.fix;

import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.ModelReply;
import dev.seekfix.bot.model.ModelRequest;
import dev.seekfix.bot.model.TokenUsage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A model that gives scripted answers in order and records what it was asked. */
final class ScriptedCodeModel implements CodeModel {

    final Deque<String> answers = new ArrayDeque<>();
    final List<ModelRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedCodeModel answer(String explanation, String patch) {
        answers.add(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("explanation", explanation).put("patch", patch).toString());
        return this;
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        requests.add(request);
        if (answers.isEmpty()) throw new AssertionError("the scripted model was asked more often than scripted");
        return new ModelReply(answers.poll(), TokenUsage.ofOneCall(1000, 100));
    }

    @Override
    public String label() {
        return "scripted";
    }

    @Override
    public int contextTokens() {
        return 32_768;
    }

    @Override
    public int countTokens(String text) {
        return text.length() / 3;
    }
}
