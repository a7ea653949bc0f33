package dev.seekfix.engine.grammar;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The trimmed NFA determinised on demand: a state is an {@code int}, a transition is one array load once it
 * has been computed. Bytes are grouped into classes that every NFA transition treats alike, so a row holds a
 * few dozen entries rather than 256. Because the NFA is trimmed, every state reached here can still complete.
 *
 * <p>A state is a set of <em>configurations</em>: an NFA state plus a stack of return states (interned; always
 * empty when the grammar has no recursive rule). With recursion the states keep growing with the nesting depth,
 * which is the price of the phase-2 design; without it this is a plain subset construction.
 * Not thread-safe: {@link TokenConstraint} serialises access.
 */
final class LazyDfa {

    static final int DEAD = -1;
    private static final int UNKNOWN = -2;

    /** Deepest nesting of recursive rules and largest configuration set before we call the grammar unusable. */
    static final int MAX_STACK_DEPTH = 10_000;
    static final int MAX_CONFIGURATIONS = 100_000;

    private final ByteNfa nfa;
    private final boolean[] important; // [nfaState] has a live byte transition, or is the accept state
    private final byte[] classOf = new byte[256]; // [byte] -> byte class (unsigned)
    private final int[] representative; // [class] -> one byte of that class
    private final int classCount;

    private int[][] rows = new int[64][]; // [dfaState][class] -> next dfaState, DEAD or UNKNOWN
    private long[][] members = new long[64][]; // [dfaState] sorted configurations (nfaState << 32 | stackId)
    private boolean[] accepting = new boolean[64];
    private boolean[] hasExit = new boolean[64]; // some byte leads on
    private int stateCount;
    private final Map<Key, Integer> byMembers = new HashMap<>();

    // interned stacks of return states: id 0 is the empty stack
    private int[] stackTop = new int[16];
    private int[] stackParent = new int[16];
    private int[] stackDepth = new int[16];
    private int stackCount = 1;
    private final Map<Long, Integer> stackIds = new HashMap<>();

    // scratch for closures of call-free automata
    private final int[] mark;
    private int stamp;
    private long[] work = new long[64];
    private long[] collected = new long[64];

    final int start;

    LazyDfa(ByteNfa nfa) {
        this.nfa = nfa;
        int n = nfa.size();
        important = new boolean[n];
        mark = new int[n];
        boolean[] boundary = new boolean[257];
        for (int s = 0; s < n; s++) {
            if (!nfa.isLive(s)) {
                continue;
            }
            for (int i = 0; i < nfa.transitionCount(s); i++) {
                if (nfa.isLive(nfa.transition(s, i, 2))) {
                    important[s] = true;
                    boundary[nfa.transition(s, i, 0)] = true;
                    boundary[nfa.transition(s, i, 1) + 1] = true;
                }
            }
        }
        important[nfa.accept] = true;
        int c = -1;
        int[] reps = new int[256];
        for (int b = 0; b < 256; b++) {
            if (b == 0 || boundary[b]) {
                c++;
                reps[c] = b;
            }
            classOf[b] = (byte) c;
        }
        classCount = c + 1;
        representative = Arrays.copyOf(reps, classCount);
        start = intern(closure(new long[] {configuration(nfa.start, 0)}, 1));
    }

    /** The state after {@code b}, or {@link #DEAD}. */
    int next(int state, int b) {
        int[] row = rows[state];
        int cls = classOf[b & 0xFF] & 0xFF;
        int t = row[cls];
        return t != UNKNOWN ? t : computeNext(state, cls);
    }

    boolean isAccepting(int state) {
        return accepting[state];
    }

    /** True when some byte leads on from {@code state}. */
    boolean hasExit(int state) {
        return hasExit[state];
    }

    int stateCount() {
        return stateCount;
    }

    /** Next state after all of {@code bytes}, or DEAD. */
    int run(int state, byte[] bytes) {
        int s = state;
        for (int i = 0; i < bytes.length && s >= 0; i++) {
            s = next(s, bytes[i]);
        }
        return s;
    }

    private static long configuration(int nfaState, int stack) {
        return ((long) nfaState << 32) | stack;
    }

    private int computeNext(int state, int cls) {
        int b = representative[cls];
        long[] from = members[state];
        int count = 0;
        long[] seeds = new long[8];
        for (long config : from) {
            int s = (int) (config >>> 32);
            for (int i = 0; i < nfa.transitionCount(s); i++) {
                int target = nfa.transition(s, i, 2);
                if (b >= nfa.transition(s, i, 0) && b <= nfa.transition(s, i, 1) && nfa.isLive(target)) {
                    if (count == seeds.length) {
                        seeds = Arrays.copyOf(seeds, count * 2);
                    }
                    seeds[count++] = configuration(target, (int) config);
                }
            }
        }
        int next = count == 0 ? DEAD : intern(closure(seeds, count));
        rows[state][cls] = next;
        return next;
    }

    /** The configurations with important NFA states reachable from the seeds without a byte, sorted. */
    private long[] closure(long[] seeds, int count) {
        boolean calls = nfa.hasCalls();
        java.util.Set<Long> seen = calls ? new java.util.HashSet<>() : null;
        stamp++;
        int top = 0;
        int found = 0;
        for (int i = 0; i < count; i++) {
            top = visit(seeds[i], seen, top);
        }
        while (top > 0) {
            long config = work[--top];
            int s = (int) (config >>> 32);
            int stack = (int) config;
            if (important[s]) {
                if (found == collected.length) {
                    collected = Arrays.copyOf(collected, found * 2);
                }
                collected[found++] = config;
                if (found > MAX_CONFIGURATIONS) {
                    throw new dev.seekfix.engine.api.EngineException("grammar is too ambiguous: more than "
                            + MAX_CONFIGURATIONS + " parses are alive at once; make its alternatives distinct");
                }
            }
            for (int i = 0; i < nfa.epsilonCount(s); i++) {
                int t = nfa.epsilon(s, i);
                if (nfa.isLive(t)) {
                    top = visit(configuration(t, stack), seen, top);
                }
            }
            if (!calls) {
                continue;
            }
            for (int i = 0; i < nfa.callCount(s); i++) {
                int r = nfa.callee(s, i);
                if (r >= 0) {
                    top = visit(configuration(nfa.entry(r), push(nfa.callReturn(s, i), stack)), seen, top);
                }
            }
            if (nfa.exitOf(s) >= 0 && stack != 0) {
                top = visit(configuration(stackTop[stack], stackParent[stack]), seen, top);
            }
        }
        long[] set = Arrays.copyOf(collected, found);
        Arrays.sort(set);
        return set;
    }

    private int visit(long config, java.util.Set<Long> seen, int top) {
        if (seen != null) {
            if (!seen.add(config)) {
                return top;
            }
        } else {
            int s = (int) (config >>> 32);
            if (mark[s] == stamp) {
                return top;
            }
            mark[s] = stamp;
        }
        if (top == work.length) {
            work = Arrays.copyOf(work, top * 2);
        }
        work[top] = config;
        return top + 1;
    }

    private int push(int returnState, int stack) {
        long key = ((long) returnState << 32) | stack;
        Integer known = stackIds.get(key);
        if (known != null) {
            return known;
        }
        if (stackDepth[stack] + 1 > MAX_STACK_DEPTH) {
            throw new dev.seekfix.engine.api.EngineException("grammar nesting deeper than " + MAX_STACK_DEPTH
                    + " levels; the output is runaway recursion");
        }
        if (stackCount == stackTop.length) {
            stackTop = Arrays.copyOf(stackTop, stackCount * 2);
            stackParent = Arrays.copyOf(stackParent, stackCount * 2);
            stackDepth = Arrays.copyOf(stackDepth, stackCount * 2);
        }
        int id = stackCount++;
        stackTop[id] = returnState;
        stackParent[id] = stack;
        stackDepth[id] = stackDepth[stack] + 1;
        stackIds.put(key, id);
        return id;
    }

    private int intern(long[] set) {
        Key key = new Key(set);
        Integer known = byMembers.get(key);
        if (known != null) {
            return known;
        }
        if (stateCount == rows.length) {
            int n = stateCount * 2;
            rows = Arrays.copyOf(rows, n);
            members = Arrays.copyOf(members, n);
            accepting = Arrays.copyOf(accepting, n);
            hasExit = Arrays.copyOf(hasExit, n);
        }
        int id = stateCount++;
        int[] row = new int[classCount];
        Arrays.fill(row, UNKNOWN);
        rows[id] = row;
        members[id] = set;
        boolean exit = false;
        for (long config : set) {
            int s = (int) (config >>> 32);
            accepting[id] |= s == nfa.accept && (int) config == 0;
            exit |= s != nfa.accept;
        }
        hasExit[id] = exit;
        byMembers.put(key, id);
        return id;
    }

    private record Key(long[] set) {
        @Override public boolean equals(Object o) { return o instanceof Key k && Arrays.equals(set, k.set); }
        @Override public int hashCode() { return Arrays.hashCode(set); }
    }
}
