package dev.seekfix.engine.grammar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test seams over a vocabulary: the brute-force mask, uniform sampling under a mask, greedy tokenization. */
final class MaskOracle {

    private MaskOracle() {
    }

    /** Every token tried on its own from a copy of the matcher: the definition of the mask. */
    static BitSet bruteForce(TokenMatcher matcher, GrammarVocabulary vocabulary) {
        BitSet allowed = new BitSet(vocabulary.size());
        for (int id = 0; id < vocabulary.size(); id++) {
            if (matcher.copy().accept(id)) {
                allowed.set(id);
            }
        }
        return allowed;
    }

    /** A uniformly random allowed token. */
    static int sample(long[] mask, Random random) {
        int count = 0;
        for (long w : mask) {
            count += Long.bitCount(w);
        }
        if (count == 0) {
            throw new AssertionError("empty mask");
        }
        int pick = random.nextInt(count);
        for (int w = 0; w < mask.length; w++) {
            int c = Long.bitCount(mask[w]);
            if (pick < c) {
                long word = mask[w];
                for (int k = 0; k < pick; k++) {
                    word &= word - 1;
                }
                return w * 64 + Long.numberOfTrailingZeros(word);
            }
            pick -= c;
        }
        throw new AssertionError("unreachable");
    }

    /** Longest-match tokenization with the vocabulary's text tokens (a valid, not canonical, tokenization). */
    static List<Integer> greedyTokens(String text, GrammarVocabulary vocabulary) {
        Map<String, Integer> byBytes = new HashMap<>();
        int longest = 0;
        BitSet textTokens = vocabulary.textTokens();
        for (int id = textTokens.nextSetBit(0); id >= 0; id = textTokens.nextSetBit(id + 1)) {
            byte[] b = vocabulary.tokenBytes()[id];
            byBytes.putIfAbsent(new String(b, StandardCharsets.ISO_8859_1), id);
            longest = Math.max(longest, b.length);
        }
        String bytes = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        List<Integer> out = new ArrayList<>();
        int i = 0;
        while (i < bytes.length()) {
            Integer found = null;
            int len = Math.min(longest, bytes.length() - i);
            for (; len > 0; len--) {
                found = byBytes.get(bytes.substring(i, i + len));
                if (found != null) {
                    break;
                }
            }
            if (found == null) {
                throw new AssertionError("no token for byte " + (int) bytes.charAt(i));
            }
            out.add(found);
            i += len;
        }
        return out;
    }
}
