package dev.seekfix.engine.api;

/** Where the time of one completion went. */
public record Timings(int promptTokens, long prefillNanos, int generatedTokens, long decodeNanos) {

    public double prefillTokensPerSecond() {
        return prefillNanos == 0 ? 0 : promptTokens * 1e9 / prefillNanos;
    }

    public double decodeTokensPerSecond() {
        return decodeNanos == 0 ? 0 : generatedTokens * 1e9 / decodeNanos;
    }
}
