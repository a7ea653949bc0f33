package dev.seekfix.engine.generation;

import dev.seekfix.engine.api.Completion;
import dev.seekfix.engine.api.StopReason;
import dev.seekfix.engine.api.Timings;
import dev.seekfix.engine.api.TokenSink;
import dev.seekfix.engine.grammar.TokenMatcher;
import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.sampling.TokenSampler;
import dev.seekfix.engine.tokenizer.SpecialTokens;
import dev.seekfix.engine.tokenizer.TextStream;
import dev.seekfix.engine.tokenizer.Tokenizer;

import java.util.Arrays;
import java.util.Optional;

/**
 * Runs one generation: the prompt goes through the model as one batch (after the prefix the cache already
 * holds), then tokens are decoded one at a time reusing the cache, until an end-of-generation token, a stop
 * string, the token budget or a complete constrained output. Each token reaches the {@link TokenSink} as soon
 * as it is sampled, with the text it completes (whole UTF-8 characters; text that may begin a stop string is
 * held back until it is clear).
 *
 * <p>With a constraint, every step masks the logits with the matcher's allowed tokens, EOS included only when
 * the output is complete; generation ends without another forward pass once nothing but EOS may follow. When
 * the remaining budget would not let the output finish, the shortest closing the {@link ConstraintClosure}
 * finds is appended instead, so a constrained output is always complete.
 */
public final class Generator {

    /** Remaining budgets at or below this many tokens check that the output can still be closed in time (closings of
     * the bot's findings schema are well under 200 bytes; checking costs a byte walk per step). */
    static final int CLOSING_WINDOW = 256;

    private final CausalModel model;
    private final Tokenizer tokenizer;
    private final ConstraintClosure closure;

    public Generator(CausalModel model, Tokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.closure = new ConstraintClosure(tokenizer);
    }

    /** Runs {@code request} in {@code cache}; the caller has checked that prompt plus budget fit its capacity. */
    public Completion run(PromptCache cache, GenerationRequest request, TokenSink sink) {
        try {
            return decode(cache, request, sink);
        } catch (RuntimeException | Error e) {
            cache.reset();
            throw e;
        }
    }

    private Completion decode(PromptCache cache, GenerationRequest request, TokenSink sink) {
        int[] prompt = request.prompt();
        SpecialTokens specials = tokenizer.specialTokens();
        TokenSampler sampler = new TokenSampler(request.sampling(), model.vocabularySize());
        sampler.recordAll(prompt);
        Optional<TokenMatcher> matcher = request.constraint();
        long[] mask = matcher.isPresent() ? new long[(model.vocabularySize() + 63) >>> 6] : null;
        TextStream stream = tokenizer.newTextStream(false);
        StopStrings stops = new StopStrings(request.stop());
        StringBuilder text = new StringBuilder();
        int[] out = new int[Math.min(request.maxTokens(), 1024)];
        int produced = 0;

        long start = System.nanoTime();
        int[] run = cache.prepareFor(prompt);
        float[] logits = model.forward(cache.sequence(), run);
        cache.appended(run);
        long prefillEnd = System.nanoTime();

        StopReason reason = StopReason.MAX_TOKENS;
        int[] pending = new int[0]; // closing tokens still to emit
        int pendingAt = 0;
        while (produced < request.maxTokens()) {
            int token;
            if (pendingAt < pending.length) {
                token = pending[pendingAt++];
            } else {
                if (matcher.isPresent() && matcher.get().isTerminated()) {
                    reason = StopReason.CONSTRAINT_COMPLETE;
                    break;
                }
                if (matcher.isPresent()) matcher.get().fillMask(mask);
                token = sampler.sample(logits, mask);
                if (specials.isEndOfGeneration(token)) {
                    reason = StopReason.END_OF_SEQUENCE;
                    break;
                }
                int left = request.maxTokens() - produced;
                if (matcher.isPresent() && left <= CLOSING_WINDOW && !fitsAfter(matcher.get(), token, left - 1)) {
                    pending = closure.tokensToComplete(matcher.get()).orElse(new int[0]);
                    pendingAt = 0;
                    if (pending.length == 0) break; // nothing to close, or no closing found: stop here
                    token = pending[pendingAt++];
                }
            }
            if (matcher.isPresent() && !matcher.get().accept(token)) {
                throw new IllegalStateException("token " + token + " was chosen under the constraint's mask but the"
                        + " constraint rejects it (an engine bug, please report it)");
            }
            sampler.record(token);
            if (produced == out.length) out = Arrays.copyOf(out, Math.min(request.maxTokens(), out.length * 2));
            out[produced++] = token;
            String released = stops.push(stream.add(token));
            text.append(released);
            sink.accept(token, released);
            if (stops.stopped()) {
                reason = StopReason.STOP_STRING;
                break;
            }
            boolean closingDone = pending.length > 0 && pendingAt == pending.length;
            if (closingDone) {
                reason = StopReason.MAX_TOKENS;
                break;
            }
            if (produced == request.maxTokens()) break;
            if (pendingAt < pending.length) continue; // closing tokens need no logits
            if (matcher.isPresent() && matcher.get().isTerminated()) {
                reason = StopReason.CONSTRAINT_COMPLETE;
                break;
            }
            int[] step = {token};
            logits = model.forward(cache.sequence(), step);
            cache.appended(step);
        }
        if (!stops.stopped()) {
            String rest = stops.push(stream.finish());
            rest += stops.finish();
            text.append(rest);
        }
        long end = System.nanoTime();
        return new Completion(text.toString(), Arrays.copyOf(out, produced), reason,
                new Timings(prompt.length, prefillEnd - start, produced, end - prefillEnd));
    }

    /** Whether the output can still be completed within {@code budget} tokens after {@code token}. */
    private boolean fitsAfter(TokenMatcher matcher, int token, int budget) {
        TokenMatcher after = matcher.copy();
        if (!after.accept(token)) return true; // not this check's business: accept() reports it
        if (after.isComplete()) return true;
        return closure.tokensToComplete(after).map(c -> c.length <= budget).orElse(true);
    }
}
