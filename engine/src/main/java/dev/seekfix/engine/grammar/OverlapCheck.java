package dev.seekfix.engine.grammar;

import dev.seekfix.engine.api.EngineException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code oneOf} demands that exactly one alternative matches. Constrained decoding emits any output of any
 * alternative, so the alternatives must not share an output; this searches the product of their automata for
 * a common output and refuses the schema with that output as the example.
 */
final class OverlapCheck {

    private static final int MAX_PAIRS = 200_000;
    private static final String OPTION = " oneOf option"; // cannot clash with "root", "any" or "#/..." names

    private OverlapCheck() {
    }

    /** {@code rules} resolves the references inside the options. */
    static void requireDisjoint(List<GrammarExpr> options, GrammarRules rules, String path) {
        LazyDfa[] dfas = new LazyDfa[options.size()];
        for (int i = 0; i < dfas.length; i++) {
            Map<String, GrammarExpr> withOption = new HashMap<>(rules.rules());
            withOption.put(OPTION, options.get(i));
            dfas[i] = new LazyDfa(ByteNfa.compile(new GrammarRules(withOption, OPTION)));
        }
        for (int i = 0; i < dfas.length; i++) {
            for (int j = i + 1; j < dfas.length; j++) {
                byte[] common = commonOutput(dfas[i], dfas[j], path);
                if (common != null) {
                    throw new EngineException("schema " + path + ": alternatives " + i + " and " + j + " both match "
                            + new String(common, StandardCharsets.UTF_8) + ", so output could break oneOf; "
                            + "use anyOf or make the alternatives disjoint");
                }
            }
        }
    }

    /** Shortest output both accept, or null. */
    private static byte[] commonOutput(LazyDfa a, LazyDfa b, String path) {
        Map<Long, long[]> parent = new HashMap<>(); // pair -> {previous pair, byte}
        ArrayDeque<Long> queue = new ArrayDeque<>();
        long startPair = pair(a.start, b.start);
        parent.put(startPair, null);
        queue.add(startPair);
        while (!queue.isEmpty()) {
            long p = queue.poll();
            int s = (int) (p >>> 32);
            int t = (int) p;
            if (a.isAccepting(s) && b.isAccepting(t)) {
                return witness(parent, p);
            }
            for (int x = 0; x < 256; x++) {
                int ns = a.next(s, x);
                if (ns < 0) {
                    continue;
                }
                int nt = b.next(t, x);
                if (nt < 0) {
                    continue;
                }
                long q = pair(ns, nt);
                if (!parent.containsKey(q)) {
                    if (parent.size() >= MAX_PAIRS) {
                        throw new EngineException("schema " + path + ": cannot prove that the oneOf alternatives "
                                + "are disjoint (search too large); use anyOf");
                    }
                    parent.put(q, new long[] {p, x});
                    queue.add(q);
                }
            }
        }
        return null;
    }

    private static byte[] witness(Map<Long, long[]> parent, long end) {
        byte[] out = new byte[16];
        int n = 0;
        for (long[] step = parent.get(end); step != null; step = parent.get(step[0])) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = (byte) step[1];
        }
        byte[] reversed = new byte[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = out[n - 1 - i];
        }
        return reversed;
    }

    private static long pair(int s, int t) {
        return ((long) s << 32) | (t & 0xFFFFFFFFL);
    }
}
