package dev.seekfix.engine.runtime.files;

import dev.seekfix.engine.tokenizer.ByteSymbols;
import dev.seekfix.engine.tokenizer.TokenType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A byte-level BPE vocabulary of any size for random-weight models, built without any downloaded file so that
 * {@code init-random} works on a fresh machine. Layout, as DeepSeek's: ids 0-255 are the 256 GPT-2 byte symbols
 * (so every UTF-8 text tokenizes), then merge results, then BOS {@code <｜begin▁of▁sentence｜>} and EOS
 * {@code <｜end▁of▁sentence｜>} (CONTROL) at 100000/100001 — or at the last two ids of a smaller vocabulary —
 * and {@code [PADn]} USER_DEFINED fillers after them, as DeepSeek's 102,400-id vocabulary has.
 *
 * <p>The merges are plausible rather than trained: first the spellings of common English words and code
 * keywords (with and without a leading space), then whitespace runs, then every letter string by length.
 * Digits are never merged (DeepSeek's pre-tokenizer splits them anyway).
 */
public record SyntheticVocabulary(List<String> tokens, int[] types, List<String> merges, int bos, int eos) {

    static final int DEEPSEEK_BOS = 100000;

    private static final String[] WORDS = ("the of and to in is that for it as with was on be by this are from or"
            + " an at not but have all which one can has if more will when there their what about would out up so"
            + " its into than them only other new some could these two may first then do any like my now over such"
            + " our man me even most made after also did many before must through back years where much your way"
            + " well down should because each just those people how too little state good very make world still"
            + " own see work long get here between both life being under never day same another know while last"
            + " might us great old year off come since against go came right used take three def return class"
            + " import public private static final void int long float double string String boolean true false"
            + " null None self new function const let var package interface record throws throw try catch finally"
            + " while for else elif switch case break continue yield async await lambda print println System out"
            + " args main value values list List map Map size length index result error Exception test assert"
            + " file path line name type data count sum max min append get set add remove find sort range len"
            + " fib quick pivot left right middle array arr node next prev root tree key keys item items").split(" ");

    private static final String[] WHITESPACE = {"  ", "    ", "        ", "\n    ", "\n        ", "\n\n", "\t\t"};

    /** A vocabulary of exactly {@code size} ids. */
    public static SyntheticVocabulary of(int size) {
        int bos = Math.min(DEEPSEEK_BOS, size - 2);
        int normal = bos;
        List<String> tokens = new ArrayList<>(size);
        Set<String> known = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            String s = Character.toString(ByteSymbols.symbolOf(b));
            tokens.add(s);
            known.add(s);
        }
        List<String> merges = new ArrayList<>();
        MergeBuilder m = new MergeBuilder(tokens, known, merges, normal);
        for (String w : WORDS) {
            m.spell(" " + w);
            m.spell(w);
        }
        for (String w : WHITESPACE) m.spell(w);
        Deque<String> queue = new ArrayDeque<>();
        queue.add(symbols(" "));
        for (char c = 'a'; c <= 'z'; c++) queue.add(String.valueOf(c));
        for (char c = 'A'; c <= 'Z'; c++) queue.add(String.valueOf(c));
        while (!m.full() && !queue.isEmpty()) {
            String left = queue.poll();
            for (char c = 'a'; c <= 'z' && !m.full(); c++) {
                String right = String.valueOf(c);
                m.merge(left, right);
                queue.add(left + right);
            }
        }
        // a tiny vocabulary may end before the letters: fill with unused ids so the sizes still add up
        for (int i = tokens.size(); i < normal; i++) tokens.add("[UNUSED" + i + "]");
        int[] types = new int[size];
        for (int i = 0; i < normal; i++) types[i] = tokens.get(i).startsWith("[UNUSED") ? TokenType.UNUSED.ggufCode()
                : TokenType.NORMAL.ggufCode();
        tokens.add("<｜begin▁of▁sentence｜>");
        tokens.add("<｜end▁of▁sentence｜>");
        types[bos] = TokenType.CONTROL.ggufCode();
        types[bos + 1] = TokenType.CONTROL.ggufCode();
        for (int i = bos + 2; i < size; i++) {
            tokens.add("[PAD" + i + "]");
            types[i] = TokenType.USER_DEFINED.ggufCode();
        }
        return new SyntheticVocabulary(List.copyOf(tokens), types, List.copyOf(merges), bos, bos + 1);
    }

    /** Text in GPT-2 byte symbols (a space becomes {@code Ġ}). */
    private static String symbols(String text) {
        return ByteSymbols.encode(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static final class MergeBuilder {
        private final List<String> tokens;
        private final Set<String> known;
        private final List<String> merges;
        private final int limit;

        MergeBuilder(List<String> tokens, Set<String> known, List<String> merges, int limit) {
            this.tokens = tokens;
            this.known = known;
            this.merges = merges;
            this.limit = limit;
        }

        boolean full() {
            return tokens.size() >= limit;
        }

        /** Adds the merges that build {@code text} left to right. */
        void spell(String text) {
            String sym = symbols(text);
            int[] cps = sym.codePoints().toArray();
            String current = Character.toString(cps[0]);
            for (int i = 1; i < cps.length && !full(); i++) {
                String next = Character.toString(cps[i]);
                merge(current, next);
                current = current + next;
            }
        }

        /** Adds {@code left right} unless the result exists or the vocabulary is full; true when added. */
        boolean merge(String left, String right) {
            String joined = left + right;
            if (full() || known.contains(joined)) return false;
            known.add(joined);
            tokens.add(joined);
            merges.add(left + " " + right);
            return true;
        }
    }
}
