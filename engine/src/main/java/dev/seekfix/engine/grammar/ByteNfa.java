package dev.seekfix.engine.grammar;

import dev.seekfix.engine.api.EngineException;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A Thompson NFA over bytes built from the IR, then trimmed: every state that cannot reach the accepting state
 * is dropped, so that a lazily determinised automaton never enters a state from which the output cannot be
 * completed (an enum or a numeric range can never dead-end; Outlines only looks one step ahead).
 * Rule references are inlined; a recursive rule is refused here (it needs the stack-based matcher).
 */
final class ByteNfa {

    /** Beyond this the schema is too large to unroll (e.g. maxLength 100000 or deeply nested maxItems). */
    static final int MAX_STATES = 3_000_000;

    // growable adjacency: per state, epsilon targets and byte transitions (lo, hi, target)
    private int[][] eps = new int[1024][];
    private int[] epsCount = new int[1024];
    private int[][] trans = new int[1024][]; // [state][nTrans][lo, hi, target]
    private int[] transCount = new int[1024];
    private int size;

    final int start;
    final int accept;
    private boolean[] live;

    private ByteNfa(GrammarRules rules) {
        start = newState();
        accept = newState();
        build(rules.rules().get(rules.root()), start, accept, rules, new ArrayDeque<>());
        trim();
    }

    static ByteNfa compile(GrammarRules rules) {
        return new ByteNfa(rules);
    }

    int size() {
        return size;
    }

    boolean isLive(int state) {
        return live[state];
    }

    int epsilonCount(int state) {
        return epsCount[state];
    }

    int epsilon(int state, int i) {
        return eps[state][i];
    }

    int transitionCount(int state) {
        return transCount[state];
    }

    /** Transition {@code i} of {@code state} as three ints: lo, hi, target. */
    int transition(int state, int i, int part) {
        return trans[state][3 * i + part];
    }

    private int newState() {
        if (size == eps.length) {
            int n = size * 2;
            eps = Arrays.copyOf(eps, n);
            epsCount = Arrays.copyOf(epsCount, n);
            trans = Arrays.copyOf(trans, n);
            transCount = Arrays.copyOf(transCount, n);
        }
        if (size >= MAX_STATES) {
            throw new EngineException("constraint too large: its automaton needs more than " + MAX_STATES
                    + " states; lower maxLength/maxItems bounds or split the schema");
        }
        return size++;
    }

    private void addEpsilon(int from, int to) {
        if (eps[from] == null) {
            eps[from] = new int[2];
        } else if (epsCount[from] == eps[from].length) {
            eps[from] = Arrays.copyOf(eps[from], epsCount[from] * 2);
        }
        eps[from][epsCount[from]++] = to;
    }

    private void addTransition(int from, int lo, int hi, int to) {
        if (trans[from] == null) {
            trans[from] = new int[3];
        } else if (3 * transCount[from] == trans[from].length) {
            trans[from] = Arrays.copyOf(trans[from], trans[from].length * 2);
        }
        int at = 3 * transCount[from]++;
        trans[from][at] = lo;
        trans[from][at + 1] = hi;
        trans[from][at + 2] = to;
    }

    /**
     * Adds the fragment for {@code expr} between {@code from} and {@code to}. Invariant: a fragment never adds
     * edges into {@code from} nor out of {@code to}, so choices may share both ends; loops get fresh states.
     */
    private void build(GrammarExpr expr, int from, int to, GrammarRules rules, ArrayDeque<String> expanding) {
        switch (expr) {
            case GrammarExpr.Literal l -> {
                byte[] b = l.bytes();
                if (b.length == 0) {
                    addEpsilon(from, to);
                    return;
                }
                int cur = from;
                for (int i = 0; i < b.length; i++) {
                    int next = i == b.length - 1 ? to : newState();
                    addTransition(cur, b[i] & 0xFF, b[i] & 0xFF, next);
                    cur = next;
                }
            }
            case GrammarExpr.ByteClass c -> {
                int[] r = c.ranges();
                for (int i = 0; i < r.length; i += 2) {
                    addTransition(from, r[i], r[i + 1], to);
                }
            }
            case GrammarExpr.Sequence s -> {
                if (s.items().isEmpty()) {
                    addEpsilon(from, to);
                    return;
                }
                int cur = from;
                for (int i = 0; i < s.items().size(); i++) {
                    int next = i == s.items().size() - 1 ? to : newState();
                    build(s.items().get(i), cur, next, rules, expanding);
                    cur = next;
                }
            }
            case GrammarExpr.Choice c -> {
                for (GrammarExpr option : c.options()) {
                    // a fresh entry per option keeps one option's loops away from the others
                    int in = newState();
                    addEpsilon(from, in);
                    build(option, in, to, rules, expanding);
                }
            }
            case GrammarExpr.Repeat r -> buildRepeat(r, from, to, rules, expanding);
            case GrammarExpr.RuleRef ref -> {
                GrammarExpr body = rules.rules().get(ref.name());
                if (body == null) {
                    throw new EngineException("grammar: rule '" + ref.name() + "' is used but never defined");
                }
                if (expanding.contains(ref.name())) {
                    throw new EngineException("grammar: rule '" + ref.name() + "' is recursive (via "
                            + String.join(" -> ", expanding.reversed()) + " -> " + ref.name()
                            + "); recursive rules are not supported yet: bound the nesting by writing the levels out");
                }
                expanding.push(ref.name());
                int in = newState();
                addEpsilon(from, in);
                build(body, in, to, rules, expanding);
                expanding.pop();
            }
        }
    }

    private void buildRepeat(GrammarExpr.Repeat r, int from, int to, GrammarRules rules,
            ArrayDeque<String> expanding) {
        int cur = newState();
        addEpsilon(from, cur);
        for (int i = 0; i < r.min(); i++) {
            int next = newState();
            build(r.item(), cur, next, rules, expanding);
            cur = next;
        }
        if (r.max() == GrammarExpr.UNBOUNDED) {
            int loop = newState();
            addEpsilon(cur, loop);
            int back = newState();
            build(r.item(), loop, back, rules, expanding);
            addEpsilon(back, loop);
            addEpsilon(loop, to);
        } else {
            // x{0,k} as nested options: after j copies the automaton is at exactly one place, which keeps the
            // determinised states small (a chain of independent "x?" would be in up to k places at once)
            for (int i = r.min(); i < r.max(); i++) {
                addEpsilon(cur, to);
                int next = newState();
                build(r.item(), cur, next, rules, expanding);
                cur = next;
            }
            addEpsilon(cur, to);
        }
    }

    /** Marks the states that can still reach {@code accept}; transitions into the others are ignored. */
    private void trim() {
        int[][] reverse = new int[size][];
        int[] reverseCount = new int[size];
        for (int s = 0; s < size; s++) {
            for (int i = 0; i < epsCount[s]; i++) {
                reverseCount[eps[s][i]]++;
            }
            for (int i = 0; i < transCount[s]; i++) {
                reverseCount[trans[s][3 * i + 2]]++;
            }
        }
        for (int s = 0; s < size; s++) {
            reverse[s] = new int[reverseCount[s]];
            reverseCount[s] = 0;
        }
        for (int s = 0; s < size; s++) {
            for (int i = 0; i < epsCount[s]; i++) {
                int t = eps[s][i];
                reverse[t][reverseCount[t]++] = s;
            }
            for (int i = 0; i < transCount[s]; i++) {
                int t = trans[s][3 * i + 2];
                reverse[t][reverseCount[t]++] = s;
            }
        }
        live = new boolean[size];
        int[] stack = new int[size];
        int top = 0;
        live[accept] = true;
        stack[top++] = accept;
        while (top > 0) {
            int s = stack[--top];
            for (int p : reverse[s]) {
                if (!live[p]) {
                    live[p] = true;
                    stack[top++] = p;
                }
            }
        }
        if (!live[start]) {
            throw new EngineException("constraint matches no output at all (e.g. an enum whose values all fail "
                    + "the type, or minimum > maximum); fix the schema or grammar");
        }
    }
}
