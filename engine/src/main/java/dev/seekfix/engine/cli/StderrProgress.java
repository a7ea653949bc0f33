package dev.seekfix.engine.cli;

import dev.seekfix.engine.runtime.LoadProgress;

import java.io.PrintWriter;
import java.util.Locale;

/** Draws loading progress on standard error: one line per step, a percentage while warming up. */
final class StderrProgress implements LoadProgress {

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private int lastPercent = -1;

    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void step(String description) {
        err.printf(Locale.ROOT, "[%6.2fs] %s%n", seconds(), description);
        err.flush();
    }

    @Override
    public void warming(long done, long total) {
        bytes("warming up", done, total);
    }

    /** A percentage line for any byte count (writing, warming). */
    void bytes(String what, long done, long total) {
        int percent = total == 0 ? 100 : (int) (100 * done / total);
        if (percent == lastPercent) return;
        lastPercent = percent;
        err.printf(Locale.ROOT, "\r[%6.2fs] %s %3d%% (%.1f / %.1f MB)", seconds(), what, percent, done / 1e6, total / 1e6);
        if (done >= total) {
            err.println();
            lastPercent = -1;
        }
        err.flush();
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
