package dev.seekfix.engine.runtime;

import dev.seekfix.engine.model.CausalModel;
import dev.seekfix.engine.model.SequenceCache;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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

    /** Rounds in a row without a 10% gain on the fastest one that count as settled. */
    private static final int SETTLED = 3;
    /** The JIT counts as done once it spends less than this share of a round compiling. */
    private static final double QUIET_COMPILING = 0.02;

    /**
     * Runs rounds (a prompt, then decoding) until {@link #SETTLED} rounds in a row are no faster than 0.9× the
     * fastest so far and the JIT spent less than {@link #QUIET_COMPILING} of the last round compiling (where the JVM
     * reports compilation time), or until {@code budget} is spent.
     *
     * @return rounds run
     */
    static int run(CausalModel model, Duration budget) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long deadline = System.nanoTime() + budget.toNanos();
        int[] prompt = new int[PROMPT];
        for (int i = 0; i < PROMPT; i++) prompt[i] = 1 + i;
        int rounds = 0, unimproved = 0;
        long fastest = Long.MAX_VALUE;
        long compiled = jitTimed ? jit.getTotalCompilationTime() : 0; // milliseconds, all compiler threads
        boolean quiet;
        do {
            long t0 = System.nanoTime();
            SequenceCache cache = model.newCache(PROMPT + DECODE);
            model.forward(cache, prompt);
            for (int i = 0; i < DECODE && System.nanoTime() < deadline; i++) model.forward(cache, new int[]{PROMPT + 1 + i});
            long took = System.nanoTime() - t0;
            rounds++;
            if (took < fastest - fastest / 10) {
                unimproved = 0;
            } else {
                unimproved++;
            }
            fastest = Math.min(fastest, took);
            long nowCompiled = jitTimed ? jit.getTotalCompilationTime() : 0;
            quiet = (nowCompiled - compiled) * 1e6 < QUIET_COMPILING * took;
            compiled = nowCompiled;
        } while ((unimproved < SETTLED || !quiet) && System.nanoTime() < deadline);
        return rounds;
    }
}
