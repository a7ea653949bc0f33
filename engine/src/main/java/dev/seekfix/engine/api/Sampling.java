package dev.seekfix.engine.api;

/**
 * How the next token is chosen. {@code temperature == 0} is greedy decoding: the highest logit, lowest id on ties.
 * Filters apply in llama.cpp's order: repetition penalty, top-k, top-p, min-p, temperature.
 *
 * @param topK              0 disables
 * @param topP              1.0 disables
 * @param minP              0.0 disables
 * @param repetitionPenalty 1.0 disables; applies to the last {@code repetitionWindow} tokens
 * @param seed              random seed; equal seeds give equal outputs
 */
public record Sampling(double temperature, int topK, double topP, double minP, double repetitionPenalty,
                       int repetitionWindow, long seed) {

    public Sampling {
        if (temperature < 0 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, found " + temperature);
        }
        if (topK < 0) throw new IllegalArgumentException("topK must be >= 0 (0 disables), found " + topK);
        if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("topP must be in (0, 1], found " + topP);
        if (!(minP >= 0 && minP < 1)) throw new IllegalArgumentException("minP must be in [0, 1), found " + minP);
        if (!(repetitionPenalty > 0)) {
            throw new IllegalArgumentException("repetitionPenalty must be > 0 (1 disables), found " + repetitionPenalty);
        }
        if (repetitionWindow < 0) throw new IllegalArgumentException("repetitionWindow must be >= 0, found " + repetitionWindow);
    }

    public static Sampling greedy() {
        return new Sampling(0, 0, 1.0, 0.0, 1.0, 64, 0);
    }

    public static Sampling withTemperature(double temperature, long seed) {
        return new Sampling(temperature, 40, 0.95, 0.05, 1.0, 64, seed);
    }

    public boolean isGreedy() {
        return temperature == 0;
    }
}
