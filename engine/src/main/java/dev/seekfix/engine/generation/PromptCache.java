package dev.seekfix.engine.generation;

import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.model.SequenceCache;

import java.util.Arrays;

/**
 * One sequence cache reused across generations: a new prompt that starts like the previous sequence (the bot's
 * prompts share long system prefixes) only runs the tokens after the common prefix. Not thread-safe; the runtime
 * gives each concurrently running generation its own.
 */
public final class PromptCache {

    private final SequenceCache cache;
    private int[] tokens = new int[0]; // [cache.length()] what the cache holds

    public PromptCache(CausalModel model, int capacity) {
        this.cache = model.newCache(capacity);
    }

    public int capacity() {
        return cache.capacity();
    }

    SequenceCache sequence() {
        return cache;
    }

    /**
     * Forgets everything after the longest prefix shared with {@code prompt}, keeping at least one prompt token
     * to run (its logits are needed); returns the prompt tokens that must still go through the model.
     */
    int[] prepareFor(int[] prompt) {
        int shared = 0;
        int limit = Math.min(Math.min(tokens.length, cache.length()), prompt.length - 1);
        while (shared < limit && tokens[shared] == prompt[shared]) shared++;
        cache.truncate(shared);
        tokens = Arrays.copyOf(prompt, shared);
        return Arrays.copyOfRange(prompt, shared, prompt.length);
    }

    /** Records that {@code run} went through the model after what the cache held. */
    void appended(int[] run) {
        int[] all = Arrays.copyOf(tokens, tokens.length + run.length);
        System.arraycopy(run, 0, all, tokens.length, run.length);
        tokens = all;
    }

    /** Forgets everything (after a failed forward pass the cache content is unknown). */
    void reset() {
        cache.truncate(0);
        tokens = new int[0];
    }
}
