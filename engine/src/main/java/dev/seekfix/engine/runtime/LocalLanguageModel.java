package dev.seekfix.engine.runtime;

import dev.seekfix.engine.api.Completion;
import dev.seekfix.engine.api.CompletionRequest;
import dev.seekfix.engine.api.ContextLengthExceededException;
import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.api.LanguageModel;
import dev.seekfix.engine.api.ModelInfo;
import dev.seekfix.engine.api.OutputConstraint;
import dev.seekfix.engine.api.Prompt;
import dev.seekfix.engine.api.TokenSink;
import dev.seekfix.engine.chat.ChatPromptEncoder;
import dev.seekfix.engine.generation.GenerationRequest;
import dev.seekfix.engine.generation.Generator;
import dev.seekfix.engine.generation.PromptCache;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.grammar.TokenMatcher;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.tokenizer.Tokenizer;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A loaded model. Concurrency: the model runs one generation at a time, because one forward pass already uses
 * every kernel thread; concurrent {@link #generate} calls wait in arrival order on a fair lock (a FIFO queue)
 * and run on their callers' threads, so a {@link TokenSink} is called on the thread that asked. Tokenizing needs
 * no lock. One reusable cache of {@code contextLength} tokens keeps the previous sequence, so a prompt that
 * shares a prefix with the previous one runs only its new tokens.
 */
public final class LocalLanguageModel implements LanguageModel {

    /** Set by {@code init-random} (and thus the demo model): the weights are random, output is gibberish. */
    public static final String RANDOM_WEIGHTS_KEY = "seekfix.random_weights";

    private final GgufFile file;
    private final Kernels kernels;
    private final CausalModel model;
    private final Tokenizer tokenizer;
    private final ChatPromptEncoder chat;
    private final int contextLength;
    private final ModelInfo info;
    private final String backendReason;
    private final Generator generator;
    private final ConstraintCache constraints;
    private final ReentrantLock turn = new ReentrantLock(true);
    private PromptCache cache; // guarded by turn
    private volatile boolean closed;

    LocalLanguageModel(GgufFile file, Kernels kernels, CausalModel model, Tokenizer tokenizer, ChatPromptEncoder chat,
                       int contextLength, String backendReason) {
        this.file = file;
        this.kernels = kernels;
        this.model = model;
        this.tokenizer = tokenizer;
        this.chat = chat;
        this.contextLength = contextLength;
        this.backendReason = backendReason;
        this.generator = new Generator(model, tokenizer);
        this.constraints = new ConstraintCache(tokenizer);
        String name = file.metadata().getString("general.name", file.path().getFileName().toString());
        boolean random = file.metadata().getBoolean(RANDOM_WEIGHTS_KEY, false) || name.contains("random");
        this.info = new ModelInfo(file.architecture(), name, contextLength, model.vocabularySize(), model.backendName(),
                random);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** Which backend runs and why it was chosen, e.g. "cpu (AUTO: this build has no CUDA backend)". */
    public String backendReason() {
        return backendReason;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public ChatPromptEncoder chat() {
        return chat;
    }

    /** The forward pass, for tools that need raw logits (the CLI's {@code logits} and {@code bench}). */
    public CausalModel causalModel() {
        return model;
    }

    @Override
    public int[] tokenize(String text, boolean addBos) {
        return tokenizer.encode(text, addBos, false);
    }

    @Override
    public String detokenize(int[] ids) {
        return tokenizer.decode(ids, false);
    }

    /** The prompt token ids {@code prompt} stands for. */
    public int[] promptTokens(Prompt prompt) {
        return switch (prompt) {
            case Prompt.Chat c -> chat.encode(c.messages());
            case Prompt.Text t -> tokenizer.encode(t.text(), t.addBos(), false);
            case Prompt.Tokens t -> t.ids();
        };
    }

    @Override
    public Completion generate(CompletionRequest request, TokenSink sink) {
        int[] prompt = promptTokens(request.prompt());
        if (prompt.length == 0) throw new EngineException("the prompt is empty: it has no tokens to continue from");
        if ((long) prompt.length + request.maxTokens() > contextLength) {
            throw new ContextLengthExceededException(prompt.length, request.maxTokens(), contextLength);
        }
        Optional<TokenMatcher> matcher = switch (request.constraint()) {
            case OutputConstraint.None n -> Optional.empty();
            case OutputConstraint.JsonSchema s -> Optional.of(constraints.get(s).newMatcher());
            case OutputConstraint.Grammar g -> Optional.of(constraints.get(g).newMatcher());
        };
        GenerationRequest run = new GenerationRequest(prompt, request.sampling(), request.maxTokens(), request.stop(),
                matcher);
        try {
            turn.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the model", e);
        }
        try {
            if (closed) throw new EngineException("the model " + info.name() + " is closed");
            if (cache == null) cache = new PromptCache(model, contextLength);
            return generator.run(cache, run, sink);
        } finally {
            turn.unlock();
        }
    }

    @Override
    public void close() {
        turn.lock();
        try {
            if (closed) return;
            closed = true;
            cache = null;
            model.close();
            kernels.close();
            file.close();
        } finally {
            turn.unlock();
        }
    }
}
