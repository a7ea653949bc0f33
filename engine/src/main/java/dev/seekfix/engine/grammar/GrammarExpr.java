package dev.seekfix.engine.grammar;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The grammar IR that both JSON Schema and GBNF compile to: a regular expression over <em>bytes</em> plus
 * references to named rules. Unicode character classes are expanded into UTF-8 byte sequences before they get
 * here (as xgrammar's {@code fsm_builder.cc} does), so token bytes never need to be decoded into text and a
 * token that ends inside a multi-byte character needs no special case.
 */
sealed interface GrammarExpr {

    int UNBOUNDED = -1;

    /** Exactly these bytes. */
    record Literal(byte[] bytes) implements GrammarExpr {
        @Override public boolean equals(Object o) { return o instanceof Literal l && Arrays.equals(bytes, l.bytes); }
        @Override public int hashCode() { return Arrays.hashCode(bytes); }
        @Override public String toString() { return "Literal[" + new String(bytes, StandardCharsets.UTF_8) + "]"; }
    }

    /** One byte inside one of the inclusive ranges. */
    record ByteClass(int[] ranges) implements GrammarExpr { // [nRanges][lo, hi], unsigned byte values
        public ByteClass {
            if (ranges.length == 0 || ranges.length % 2 != 0) {
                throw new IllegalArgumentException("byte class needs lo/hi pairs, found " + ranges.length + " values");
            }
            for (int i = 0; i < ranges.length; i += 2) {
                if (ranges[i] < 0 || ranges[i + 1] > 0xFF || ranges[i] > ranges[i + 1]) {
                    throw new IllegalArgumentException("bad byte range " + ranges[i] + ".." + ranges[i + 1]);
                }
            }
        }
        @Override public boolean equals(Object o) { return o instanceof ByteClass c && Arrays.equals(ranges, c.ranges); }
        @Override public int hashCode() { return Arrays.hashCode(ranges); }
    }

    record Sequence(List<GrammarExpr> items) implements GrammarExpr {
        public Sequence { items = List.copyOf(items); }
    }

    record Choice(List<GrammarExpr> options) implements GrammarExpr {
        public Choice {
            options = List.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException("a choice needs at least one option");
            }
        }
    }

    /** {@code item{min,max}}; {@code max == UNBOUNDED} for {@code *} and {@code +}. */
    record Repeat(GrammarExpr item, int min, int max) implements GrammarExpr {
        public Repeat {
            if (min < 0 || (max != UNBOUNDED && max < min)) {
                throw new IllegalArgumentException("bad repetition bounds {" + min + "," + max + "}");
            }
        }
    }

    /** A named rule of the enclosing {@link GrammarRules}. */
    record RuleRef(String name) implements GrammarExpr {
    }

    GrammarExpr EMPTY = new Sequence(List.of());

    static GrammarExpr literal(String text) {
        return new Literal(text.getBytes(StandardCharsets.UTF_8));
    }

    static GrammarExpr bytes(int lo, int hi) {
        return new ByteClass(new int[] {lo, hi});
    }

    static GrammarExpr seq(GrammarExpr... items) {
        return items.length == 1 ? items[0] : new Sequence(List.of(items));
    }

    static GrammarExpr seq(List<GrammarExpr> items) {
        return items.size() == 1 ? items.getFirst() : new Sequence(items);
    }

    static GrammarExpr choice(GrammarExpr... options) {
        return options.length == 1 ? options[0] : new Choice(List.of(options));
    }

    static GrammarExpr choice(List<GrammarExpr> options) {
        return options.size() == 1 ? options.getFirst() : new Choice(options);
    }

    static GrammarExpr optional(GrammarExpr item) {
        return new Repeat(item, 0, 1);
    }

    static GrammarExpr repeat(GrammarExpr item, int min, int max) {
        return new Repeat(item, min, max);
    }
}
