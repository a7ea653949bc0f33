package dev.seekfix.engine.runtime;

import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.model.SequenceCache;

import java.time.Duration;

/**
 * Runs the model itself on a throw-away prompt until C2 has compiled its kernels. Until it does, the Vector API runs
 * interpreted, hundreds of times slower. Warming up on the model's own mapped weights, with its own shapes, also
 * keeps the kernels' type profiles to the segment class they will see in service: warming up on synthetic heap or
 * native matrices made the JIT compile for two segment classes, and its speculation on loop shapes failed (and
 * deoptimised, back to the interpreter) on the real ones.
 */
final class ModelWarmup {

    /** Prompt length of a warm-up round: above the batch threshold, so prefill's tiled path compiles too. */
    private static final int PROMPT = 16;
    private static final int DECODE = 16;

    private ModelWarmup() {
    }

    /** @return rounds run */
    static int run(CausalModel model, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int[] prompt = new int[PROMPT];
        for (int i = 0; i < PROMPT; i++) prompt[i] = 1 + i;
        int rounds = 0;
        do {
            SequenceCache cache = model.newCache(PROMPT + DECODE);
            model.forward(cache, prompt);
            for (int i = 0; i < DECODE && System.nanoTime() < deadline; i++) model.forward(cache, new int[]{PROMPT + 1 + i});
            rounds++;
        } while (System.nanoTime() < deadline);
        return rounds;
    }
}
