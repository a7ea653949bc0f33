package dev.seekfix.engine.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cuts special tokens out of text before BPE, the way llama.cpp's {@code tokenizer_st_partition} does: for each
 * special token, longest text (in UTF-8 bytes) first, every fragment that is still raw text is split at each
 * occurrence of that token's text, left to right. A token that does not occur anywhere in the input cannot occur
 * in a fragment of it, so a trie scan first finds the few tokens worth trying (DeepSeek has 2,398 USER_DEFINED
 * tokens, most of them {@code [PADn]}).
 */
final class SpecialTokenSplitter {

    /** A piece of the input: raw text still to be BPE-encoded, or a token already decided. */
    sealed interface Fragment {
    }

    record Text(String text) implements Fragment {
    }

    record Special(int id) implements Fragment {
    }

    private final int[] order;      // candidate ids, longest text first, then lower id
    private final String[] texts;   // [id] → text, null for non-candidates
    private final TrieNode root;

    /** @param candidates the ids of the tokens to split out (texts must be non-empty) */
    SpecialTokenSplitter(Vocabulary vocabulary, int[] candidates) {
        texts = new String[vocabulary.size()];
        for (int id : candidates) texts[id] = vocabulary.text(id);
        // std::sort by text size in llama.cpp leaves ties unordered; lower id first is our deterministic choice
        order = Arrays.stream(candidates).boxed()
                .sorted(Comparator.<Integer>comparingInt(id -> -texts[id].getBytes(StandardCharsets.UTF_8).length)
                        .thenComparingInt(id -> id))
                .mapToInt(Integer::intValue)
                .toArray();
        MutableNode building = new MutableNode();
        for (int id : candidates) {
            MutableNode node = building;
            for (char c : texts[id].toCharArray()) node = node.children.computeIfAbsent(c, k -> new MutableNode());
            node.ids.add(id);
        }
        root = building.freeze();
    }

    boolean isEmpty() {
        return order.length == 0;
    }

    List<Fragment> split(String input) {
        List<Fragment> fragments = new ArrayList<>();
        if (input.isEmpty()) return fragments;
        fragments.add(new Text(input));
        BitSet present = occurring(input);
        if (present.isEmpty()) return fragments;
        for (int id : order) {
            if (!present.get(id)) continue;
            String needle = texts[id];
            List<Fragment> next = new ArrayList<>(fragments.size() + 4);
            for (Fragment f : fragments) {
                if (!(f instanceof Text(String raw))) {
                    next.add(f);
                    continue;
                }
                int from = 0;
                for (int at = raw.indexOf(needle); at >= 0; at = raw.indexOf(needle, from)) {
                    if (at > from) next.add(new Text(raw.substring(from, at)));
                    next.add(new Special(id));
                    from = at + needle.length();
                }
                if (from == 0) {
                    next.add(f);
                } else if (from < raw.length()) {
                    next.add(new Text(raw.substring(from)));
                }
            }
            fragments = next;
        }
        return fragments;
    }

    /** The candidate ids whose text occurs somewhere in {@code input}. */
    private BitSet occurring(String input) {
        BitSet found = new BitSet();
        int n = input.length();
        for (int i = 0; i < n; i++) {
            TrieNode node = root.child(input.charAt(i));
            for (int j = i + 1; node != null; j++) {
                for (int id : node.ids) found.set(id);
                if (j >= n) break;
                node = node.child(input.charAt(j));
            }
        }
        return found;
    }

    private record TrieNode(char[] keys, TrieNode[] children, int[] ids) {
        TrieNode child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? children[i] : null;
        }
    }

    private static final class MutableNode {
        final Map<Character, MutableNode> children = new TreeMap<>();
        final List<Integer> ids = new ArrayList<>(1);

        TrieNode freeze() {
            char[] keys = new char[children.size()];
            TrieNode[] kids = new TrieNode[children.size()];
            int i = 0;
            for (var e : children.entrySet()) {
                keys[i] = e.getKey();
                kids[i++] = e.getValue().freeze();
            }
            return new TrieNode(keys, kids, ids.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
