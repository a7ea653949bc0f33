package dev.seekfix.engine.grammar;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The trimmed NFA determinised on demand: a state is an {@code int}, a transition is one array load once it
 * has been computed. Bytes are grouped into classes that every NFA transition treats alike, so a row holds a
 * few dozen entries rather than 256. Because the NFA is trimmed, every state reached here can still complete.
 * Not thread-safe: {@link TokenConstraint} serialises access.
 */
final class LazyDfa {

    static final int DEAD = -1;
    private static final int UNKNOWN = -2;

    private final ByteNfa nfa;
    private final boolean[] important; // [nfaState] has a live byte transition, or is the accept state
    private final byte[] classOf = new byte[256]; // [byte] -> byte class (unsigned)
    private final int[] representative; // [class] -> one byte of that class
    private final int classCount;

    private int[][] rows = new int[64][]; // [dfaState][class] -> next dfaState, DEAD or UNKNOWN
    private int[][] members = new int[64][]; // [dfaState] sorted important NFA states
    private boolean[] accepting = new boolean[64];
    private boolean[] hasExit = new boolean[64]; // some byte leads on
    private int stateCount;
    private final Map<Key, Integer> byMembers = new HashMap<>();

    // scratch for closures
    private final int[] mark;
    private int stamp;
    private final int[] stack;
    private int[] collected;

    final int start;

    LazyDfa(ByteNfa nfa) {
        this.nfa = nfa;
        int n = nfa.size();
        important = new boolean[n];
        mark = new int[n];
        stack = new int[n];
        collected = new int[64];
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
        start = intern(closure(new int[] {nfa.start}, 1));
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

    private int computeNext(int state, int cls) {
        int b = representative[cls];
        int[] from = members[state];
        int count = 0;
        int[] seeds = new int[8];
        for (int s : from) {
            for (int i = 0; i < nfa.transitionCount(s); i++) {
                int target = nfa.transition(s, i, 2);
                if (b >= nfa.transition(s, i, 0) && b <= nfa.transition(s, i, 1) && nfa.isLive(target)) {
                    if (count == seeds.length) {
                        seeds = Arrays.copyOf(seeds, count * 2);
                    }
                    seeds[count++] = target;
                }
            }
        }
        int next = count == 0 ? DEAD : intern(closure(seeds, count));
        rows[state][cls] = next;
        return next;
    }

    /** The important NFA states reachable from the seeds by epsilon moves, sorted. */
    private int[] closure(int[] seeds, int count) {
        stamp++;
        int top = 0;
        int found = 0;
        for (int i = 0; i < count; i++) {
            if (mark[seeds[i]] != stamp) {
                mark[seeds[i]] = stamp;
                stack[top++] = seeds[i];
            }
        }
        while (top > 0) {
            int s = stack[--top];
            if (important[s]) {
                if (found == collected.length) {
                    collected = Arrays.copyOf(collected, found * 2);
                }
                collected[found++] = s;
            }
            for (int i = 0; i < nfa.epsilonCount(s); i++) {
                int t = nfa.epsilon(s, i);
                if (mark[t] != stamp && nfa.isLive(t)) {
                    mark[t] = stamp;
                    stack[top++] = t;
                }
            }
        }
        int[] set = Arrays.copyOf(collected, found);
        Arrays.sort(set);
        return set;
    }

    private int intern(int[] set) {
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
        for (int s : set) {
            accepting[id] |= s == nfa.accept;
            exit |= s != nfa.accept || nfa.transitionCount(s) > 0;
        }
        hasExit[id] = exit;
        byMembers.put(key, id);
        return id;
    }

    private record Key(int[] set) {
        @Override public boolean equals(Object o) { return o instanceof Key k && Arrays.equals(set, k.set); }
        @Override public int hashCode() { return Arrays.hashCode(set); }
    }
}
