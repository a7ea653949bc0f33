package dev.seekfix.engine.cli;

import java.util.stream.IntStream;

/** The ids of the largest logits, largest first, lower id first on ties (as the fixtures list them). */
final class TopLogits {

    private TopLogits() {
    }

    static int[] of(float[] logits, int k) {
        return IntStream.range(0, logits.length).boxed()
                .sorted((a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : Integer.compare(a, b))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
