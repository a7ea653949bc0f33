package dev.seekfix.engine.runtime;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads one byte of every page of the mapped model file so that the operating system has the weights in memory
 * before the first request (otherwise the first tokens pay for page faults from disk). Nothing is copied.
 */
final class WeightWarmup {

    private static final long PAGE = 4096;
    private static final long REPORT_EVERY = 64L << 20;

    private WeightWarmup() {
    }

    /** @return a checksum of the touched bytes, so the reads cannot be optimised away */
    static long touch(MemorySegment mapping, LoadProgress progress) {
        long size = mapping.byteSize();
        long sum = 0;
        for (long at = 0; at < size; at += PAGE) {
            sum += mapping.get(ValueLayout.JAVA_BYTE, at);
            if (at % REPORT_EVERY == 0) progress.warming(at, size);
        }
        progress.warming(size, size);
        return sum;
    }
}
