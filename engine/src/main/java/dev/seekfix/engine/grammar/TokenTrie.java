package dev.seekfix.engine.grammar;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The token byte strings in a trie laid out in depth-first order in flat arrays, so that a mask is one linear
 * pass that skips the whole subtree of a byte the grammar refuses ({@code p += subtreeSize[p]}), as in
 * llguidance's {@code docs/toktrie.md}. Node 0 is the root (the empty prefix).
 */
final class TokenTrie {

    private final byte[] nodeByte; // [node] the byte on the edge into the node
    private final int[] subtreeSize; // [node] nodes in the subtree, itself included
    private final short[] depth; // [node] length of the prefix the node spells
    private final int[] tokenAt; // [node] token id, NO_TOKEN, or -(index into more) - 2 when several ids share the bytes
    private final int[][] more; // [k] the ids of one duplicated byte string
    private final int maxDepth;

    static final int NO_TOKEN = -1;

    /** Builds the trie of the {@code ids} (all must have non-empty bytes). */
    TokenTrie(byte[][] tokenBytes, BitSet ids) {
        Integer[] sorted = ids.stream().boxed().toArray(Integer[]::new);
        Arrays.sort(sorted, (a, b) -> Arrays.compareUnsigned(tokenBytes[a], tokenBytes[b]));
        long total = 1;
        for (int id : sorted) {
            total += tokenBytes[id].length; // upper bound on nodes
        }
        byte[] nb = new byte[(int) total];
        int[] sub = new int[(int) total];
        short[] dep = new short[(int) total];
        int[] tok = new int[(int) total];
        Arrays.fill(tok, NO_TOKEN);
        java.util.List<int[]> dups = new java.util.ArrayList<>();
        int longest = 0;
        int[] path = new int[1]; // [depth] node index on the current path; path[0] = root
        int pathLength = 1;
        int count = 1;
        byte[] previous = new byte[0];
        for (int id : sorted) {
            byte[] t = tokenBytes[id];
            longest = Math.max(longest, t.length);
            int common = 0;
            while (common < t.length && common < previous.length && t[common] == previous[common]) {
                common++;
            }
            // close the nodes below the common prefix
            while (pathLength - 1 > common) {
                int closed = path[--pathLength];
                sub[closed] = count - closed;
            }
            if (path.length < t.length + 1) {
                path = Arrays.copyOf(path, Math.max(t.length + 1, path.length * 2));
            }
            for (int d = common; d < t.length; d++) {
                nb[count] = t[d];
                dep[count] = (short) (d + 1);
                path[pathLength++] = count++;
            }
            int leaf = path[pathLength - 1];
            if (tok[leaf] == NO_TOKEN) {
                tok[leaf] = id;
            } else if (tok[leaf] >= 0) {
                dups.add(new int[] {tok[leaf], id});
                tok[leaf] = -(dups.size() - 1) - 2;
            } else {
                int k = -tok[leaf] - 2;
                int[] old = dups.get(k);
                int[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = id;
                dups.set(k, grown);
            }
            previous = t;
        }
        while (pathLength > 0) {
            int closed = path[--pathLength];
            sub[closed] = count - closed;
        }
        nodeByte = Arrays.copyOf(nb, count);
        subtreeSize = Arrays.copyOf(sub, count);
        depth = Arrays.copyOf(dep, count);
        tokenAt = Arrays.copyOf(tok, count);
        more = dups.toArray(int[][]::new);
        maxDepth = longest;
    }

    int nodeCount() {
        return nodeByte.length;
    }

    int maxDepth() {
        return maxDepth;
    }

    /**
     * Sets in {@code mask} the bit of every token whose bytes the automaton accepts from {@code state}. Visits
     * only the nodes whose prefix is still alive.
     */
    void fillAllowed(LazyDfa dfa, int state, long[] mask) {
        int[] states = new int[maxDepth + 1]; // [depth] automaton state after the prefix of that length
        states[0] = state;
        final byte[] nb = nodeByte;
        final int[] sub = subtreeSize;
        final short[] dep = depth;
        final int[] tok = tokenAt;
        int n = nb.length;
        int p = 1;
        while (p < n) {
            int d = dep[p];
            int next = dfa.next(states[d - 1], nb[p]);
            if (next < 0) {
                p += sub[p];
                continue;
            }
            states[d] = next;
            int t = tok[p];
            if (t >= 0) {
                mask[t >>> 6] |= 1L << t;
            } else if (t != NO_TOKEN) {
                for (int id : more[-t - 2]) {
                    mask[id >>> 6] |= 1L << id;
                }
            }
            p++;
        }
    }
}
