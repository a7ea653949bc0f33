package dev.seekfix.engine.grammar;

import dev.seekfix.engine.api.EngineException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Thompson NFA over bytes built from the IR, then trimmed: every state that cannot complete is dropped, so
 * that a lazily determinised automaton never enters a state from which the output cannot be finished (an enum
 * or a numeric range can never dead-end; Outlines only looks one step ahead).
 *
 * <p>Non-recursive rules are inlined. A rule in a reference cycle becomes one shared fragment from
 * {@code entry[r]} to {@code exit[r]}, and each reference to it a <em>call</em> edge that pushes the state to
 * return to (a recursive transition network; the matcher state then holds stacks, as llama.cpp's grammar does).
 * Left recursion would push forever without reading a byte and is refused, as llama.cpp refuses it.
 */
final class ByteNfa {

    /** Beyond this the schema is too large to unroll (e.g. maxLength 100000 or deeply nested maxItems). */
    static final int MAX_STATES = 3_000_000;

    // growable adjacency: per state, epsilon targets, byte transitions (lo, hi, target), calls (rule, return)
    private int[][] eps = new int[1024][];
    private int[] epsCount = new int[1024];
    private int[][] trans = new int[1024][]; // [state][nTrans][lo, hi, target]
    private int[] transCount = new int[1024];
    private int[][] calls = new int[1024][]; // [state][nCalls][rule, return]
    private int[] callCount = new int[1024];
    private int size;

    final int start;
    final int accept;
    private boolean[] live;

    // recursive rules: index r -> name, entry and exit state
    private final List<String> ruleNames = new ArrayList<>();
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private int[] entry = new int[0];
    private int[] exit = new int[0];
    private int[] exitOf; // [state] rule whose exit it is, or -1
    private boolean[] productive; // [rule] can complete
    private boolean[] nullable; // [rule] can complete without a byte

    private ByteNfa(GrammarRules rules) {
        Set<String> recursive = RecursiveRules.of(rules);
        start = newState();
        accept = newState();
        ArrayDeque<Integer> pending = new ArrayDeque<>();
        if (recursive.contains(rules.root())) {
            addCall(start, rule(rules.root(), pending), accept);
        } else {
            build(rules.rules().get(rules.root()), start, accept, rules, recursive, pending);
        }
        while (!pending.isEmpty()) {
            int r = pending.poll();
            build(rules.rules().get(ruleNames.get(r)), entry[r], exit[r], rules, recursive, pending);
        }
        exitOf = new int[size];
        Arrays.fill(exitOf, -1);
        for (int r = 0; r < exit.length; r++) {
            exitOf[exit[r]] = r;
        }
        trim();
        if (!ruleNames.isEmpty()) {
            computeNullable();
            refuseLeftRecursion();
        }
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

    boolean hasCalls() {
        return !ruleNames.isEmpty();
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

    int callCount(int state) {
        return callCount[state];
    }

    /** The rule called by call {@code i} of {@code state}, when it can complete; -1 when the call is dead. */
    int callee(int state, int i) {
        int r = calls[state][2 * i];
        return productive[r] && live[calls[state][2 * i + 1]] ? r : -1;
    }

    int callReturn(int state, int i) {
        return calls[state][2 * i + 1];
    }

    int entry(int rule) {
        return entry[rule];
    }

    /** The rule whose exit {@code state} is, or -1. */
    int exitOf(int state) {
        return exitOf[state];
    }

    private int rule(String name, ArrayDeque<Integer> pending) {
        Integer known = ruleIndex.get(name);
        if (known != null) {
            return known;
        }
        int r = ruleNames.size();
        ruleNames.add(name);
        ruleIndex.put(name, r);
        entry = Arrays.copyOf(entry, r + 1);
        exit = Arrays.copyOf(exit, r + 1);
        entry[r] = newState();
        exit[r] = newState();
        pending.add(r);
        return r;
    }

    private int newState() {
        if (size == eps.length) {
            int n = size * 2;
            eps = Arrays.copyOf(eps, n);
            epsCount = Arrays.copyOf(epsCount, n);
            trans = Arrays.copyOf(trans, n);
            transCount = Arrays.copyOf(transCount, n);
            calls = Arrays.copyOf(calls, n);
            callCount = Arrays.copyOf(callCount, n);
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

    private void addCall(int from, int rule, int to) {
        if (calls[from] == null) {
            calls[from] = new int[2];
        } else if (2 * callCount[from] == calls[from].length) {
            calls[from] = Arrays.copyOf(calls[from], calls[from].length * 2);
        }
        int at = 2 * callCount[from]++;
        calls[from][at] = rule;
        calls[from][at + 1] = to;
    }

    /**
     * Adds the fragment for {@code expr} between {@code from} and {@code to}. Invariant: a fragment never adds
     * edges into {@code from} nor out of {@code to}, so choices may share both ends; loops get fresh states.
     */
    private void build(GrammarExpr expr, int from, int to, GrammarRules rules, Set<String> recursive,
            ArrayDeque<Integer> pending) {
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
                    build(s.items().get(i), cur, next, rules, recursive, pending);
                    cur = next;
                }
            }
            case GrammarExpr.Choice c -> {
                for (GrammarExpr option : c.options()) {
                    // a fresh entry per option keeps one option's loops away from the others
                    int in = newState();
                    addEpsilon(from, in);
                    build(option, in, to, rules, recursive, pending);
                }
            }
            case GrammarExpr.Repeat r -> buildRepeat(r, from, to, rules, recursive, pending);
            case GrammarExpr.RuleRef ref -> {
                GrammarExpr body = rules.rules().get(ref.name());
                if (body == null) {
                    throw new EngineException("grammar: rule '" + ref.name() + "' is used but never defined");
                }
                int in = newState();
                addEpsilon(from, in);
                if (recursive.contains(ref.name())) {
                    addCall(in, rule(ref.name(), pending), to);
                } else {
                    build(body, in, to, rules, recursive, pending); // not in a cycle: inlining terminates
                }
            }
        }
    }

    private void buildRepeat(GrammarExpr.Repeat r, int from, int to, GrammarRules rules, Set<String> recursive,
            ArrayDeque<Integer> pending) {
        int cur = newState();
        addEpsilon(from, cur);
        for (int i = 0; i < r.min(); i++) {
            int next = newState();
            build(r.item(), cur, next, rules, recursive, pending);
            cur = next;
        }
        if (r.max() == GrammarExpr.UNBOUNDED) {
            int loop = newState();
            addEpsilon(cur, loop);
            int back = newState();
            build(r.item(), loop, back, rules, recursive, pending);
            addEpsilon(back, loop);
            addEpsilon(loop, to);
        } else {
            // x{0,k} as nested options: after j copies the automaton is at exactly one place, which keeps the
            // determinised states small (a chain of independent "x?" would be in up to k places at once)
            for (int i = r.min(); i < r.max(); i++) {
                addEpsilon(cur, to);
                int next = newState();
                build(r.item(), cur, next, rules, recursive, pending);
                cur = next;
            }
            addEpsilon(cur, to);
        }
    }

    /**
     * Marks the states that can still complete: reach {@code accept}, or the exit of their rule. A call edge
     * counts only when its rule can complete, which is itself found by iterating to a fixpoint.
     */
    private void trim() {
        int[] reverseCount = new int[size];
        int[] reverseCallCount = new int[size];
        for (int s = 0; s < size; s++) {
            for (int i = 0; i < epsCount[s]; i++) {
                reverseCount[eps[s][i]]++;
            }
            for (int i = 0; i < transCount[s]; i++) {
                reverseCount[trans[s][3 * i + 2]]++;
            }
            for (int i = 0; i < callCount[s]; i++) {
                reverseCallCount[calls[s][2 * i + 1]]++;
            }
        }
        int[][] reverse = new int[size][];
        int[][] reverseCalls = new int[size][]; // [return state][nCalls][caller, rule]
        for (int s = 0; s < size; s++) {
            reverse[s] = new int[reverseCount[s]];
            reverseCalls[s] = new int[2 * reverseCallCount[s]];
            reverseCount[s] = 0;
            reverseCallCount[s] = 0;
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
            for (int i = 0; i < callCount[s]; i++) {
                int t = calls[s][2 * i + 1];
                reverseCalls[t][2 * reverseCallCount[t]] = s;
                reverseCalls[t][2 * reverseCallCount[t]++ + 1] = calls[s][2 * i];
            }
        }
        productive = new boolean[ruleNames.size()];
        int[] stack = new int[size];
        boolean changed = true;
        while (changed) {
            live = new boolean[size];
            int top = 0;
            live[accept] = true;
            stack[top++] = accept;
            for (int e : exit) {
                live[e] = true;
                stack[top++] = e;
            }
            while (top > 0) {
                int s = stack[--top];
                for (int p : reverse[s]) {
                    if (!live[p]) {
                        live[p] = true;
                        stack[top++] = p;
                    }
                }
                int[] rc = reverseCalls[s];
                for (int i = 0; i < rc.length; i += 2) {
                    if (productive[rc[i + 1]] && !live[rc[i]]) {
                        live[rc[i]] = true;
                        stack[top++] = rc[i];
                    }
                }
            }
            changed = false;
            for (int r = 0; r < productive.length; r++) {
                if (!productive[r] && live[entry[r]]) {
                    productive[r] = true;
                    changed = true;
                }
            }
        }
        if (!live[start]) {
            throw new EngineException("constraint matches no output at all (e.g. an enum whose values all fail "
                    + "the type, minimum > maximum, or rules that never end); fix the schema or grammar");
        }
    }

    /** A rule is nullable when its entry reaches its exit by epsilon moves and calls of nullable rules. */
    private void computeNullable() {
        nullable = new boolean[ruleNames.size()];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < nullable.length; r++) {
                if (!nullable[r] && productive[r] && epsilonReach(entry[r], false)[exit[r]]) {
                    nullable[r] = true;
                    changed = true;
                }
            }
        }
    }

    /** States reachable without a byte: epsilon moves, skipping nullable calls, and (optionally) entering calls. */
    private boolean[] epsilonReach(int from, boolean enterCalls) {
        boolean[] seen = new boolean[size];
        int[] stack = new int[64];
        int top = 0;
        seen[from] = true;
        stack[top++] = from;
        while (top > 0) {
            int s = stack[--top];
            for (int k = 0; k < epsCount[s] + 2 * callCount[s]; k++) {
                int t;
                if (k < epsCount[s]) {
                    t = eps[s][k];
                } else {
                    int c = (k - epsCount[s]) / 2;
                    int r = calls[s][2 * c];
                    boolean enter = (k - epsCount[s]) % 2 == 0;
                    if (!productive[r]) {
                        continue;
                    }
                    if (enter) {
                        if (!enterCalls) {
                            continue;
                        }
                        t = entry[r];
                    } else {
                        if (!nullable[r]) {
                            continue;
                        }
                        t = calls[s][2 * c + 1];
                    }
                }
                if (live[t] && !seen[t]) {
                    seen[t] = true;
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = t;
                }
            }
        }
        return seen;
    }

    /** Refuses a rule that can call itself again before reading a byte (llama.cpp refuses left recursion too). */
    private void refuseLeftRecursion() {
        for (int r = 0; r < ruleNames.size(); r++) {
            if (!productive[r]) {
                continue;
            }
            boolean[] reach = epsilonReach(entry[r], true);
            for (int s = 0; s < size; s++) {
                if (!reach[s]) {
                    continue;
                }
                for (int i = 0; i < callCount[s]; i++) {
                    if (calls[s][2 * i] == r) {
                        throw new EngineException("grammar: rule '" + ruleNames.get(r) + "' is left-recursive (it "
                                + "can reach itself before emitting anything); rewrite it with repetition, e.g. "
                                + "list ::= item (\",\" item)*");
                    }
                }
            }
        }
    }
}
