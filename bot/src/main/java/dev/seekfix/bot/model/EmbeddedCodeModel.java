package dev.seekfix.bot.model;

import dev.seekfix.engine.api.Completion;
import dev.seekfix.engine.api.CompletionRequest;
import dev.seekfix.engine.api.ContextLengthExceededException;
import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.api.LanguageModel;
import dev.seekfix.engine.api.ModelInfo;
import dev.seekfix.engine.api.OutputConstraint;
import dev.seekfix.engine.api.Prompt;
import dev.seekfix.engine.api.Sampling;

import java.util.List;

/**
 * The in-process engine. JSON answers use the engine's constrained decoding ({@link OutputConstraint.JsonSchema}),
 * so the output is valid by construction; greedy sampling keeps reviews reproducible.
 */
public final class EmbeddedCodeModel implements CodeModel {

    private final LanguageModel model;
    private final String label;

    public EmbeddedCodeModel(LanguageModel model) {
        this.model = model;
        this.label = labelOf(model.info());
    }

    static String labelOf(ModelInfo info) {
        String base = "%s (embedded, %s)".formatted(info.name(), info.backend());
        return info.randomWeights()
                ? base + " — the built-in demo model with random weights: its output is meaningless"
                : base;
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        OutputConstraint constraint = request.jsonSchema()
                .<OutputConstraint>map(OutputConstraint.JsonSchema::new)
                .orElse(OutputConstraint.NONE);
        CompletionRequest completionRequest = new CompletionRequest(new Prompt.Chat(request.messages()),
                Sampling.greedy(), request.maxTokens(), List.of(), constraint);
        try {
            Completion completion = model.generate(completionRequest);
            return new ModelReply(completion.text(), TokenUsage.ofOneCall(completion.timings().promptTokens(),
                    completion.timings().generatedTokens()));
        } catch (ContextLengthExceededException e) {
            throw new ModelException("the prompt does not fit model " + label + ": " + e.getMessage(), false, e);
        } catch (EngineException e) {
            throw new ModelException("the embedded engine failed on model " + label + ": " + e.getMessage(), false, e);
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public int contextTokens() {
        return model.info().contextLength();
    }

    @Override
    public int countTokens(String text) {
        return model.countTokens(text);
    }
}
