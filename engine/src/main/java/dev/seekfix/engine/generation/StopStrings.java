package dev.seekfix.engine.generation;

import java.util.List;

/**
 * Watches generated text for stop strings. Text is released only when no stop string can still start in it, so
 * a stop string that spans several tokens never reaches the caller in part; once one appears, the text before it
 * is released and the rest is dropped (the stop string is not part of the output, as in llama.cpp's server).
 */
final class StopStrings {

    private final List<String> stops;
    private final StringBuilder held = new StringBuilder();
    private boolean stopped;

    StopStrings(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** Adds decoded text; returns the text that is now safe to release (possibly empty). */
    String push(String text) {
        if (stopped) return "";
        held.append(text);
        int earliest = -1;
        for (String s : stops) {
            int at = held.indexOf(s);
            if (at >= 0 && (earliest < 0 || at < earliest)) earliest = at;
        }
        if (earliest >= 0) {
            stopped = true;
            String out = held.substring(0, earliest);
            held.setLength(0);
            return out;
        }
        int keep = longestSuffixThatStartsAStop();
        String out = held.substring(0, held.length() - keep);
        held.delete(0, held.length() - keep);
        return out;
    }

    /** Whether a stop string appeared. */
    boolean stopped() {
        return stopped;
    }

    /** Ends the stream: what was held back because it could have begun a stop string. */
    String finish() {
        String out = stopped ? "" : held.toString();
        held.setLength(0);
        return out;
    }

    private int longestSuffixThatStartsAStop() {
        int best = 0;
        String tail = held.toString();
        for (String s : stops) {
            for (int len = Math.min(s.length() - 1, held.length()); len > best; len--) {
                if (tail.regionMatches(tail.length() - len, s, 0, len)) {
                    best = len;
                    break;
                }
            }
        }
        return best;
    }
}
