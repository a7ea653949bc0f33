package dev.seekfix.engine.grammar;

import dev.seekfix.engine.api.EngineException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Schema {@code pattern} (an ECMA-262 regular expression over the string's characters) compiled to the IR
 * of the JSON-encoded string contents. Supported: literals, {@code .}, classes {@code [a-z] [^...]}, escapes
 * {@code \d \w \s \D \W \S \n \t \r \f \v \xHH &#92;uHHHH} and escaped punctuation, groups {@code (...)} and
 * {@code (?:...)}, alternation, {@code * + ? {n} {n,} {n,m}}, and {@code ^}/{@code $} at the ends. Without
 * {@code ^}/{@code $} the pattern may match anywhere, as JSON Schema says. Anything else (lookaround,
 * backreferences, lazy quantifiers, word boundaries) is an error.
 */
final class JsonPattern {

    private static final CodePointSet DIGITS = CodePointSet.of('0', '9');
    private static final CodePointSet WORD = CodePointSet.of('0', '9', 'A', 'Z', '_', '_', 'a', 'z');
    private static final CodePointSet SPACE = CodePointSet.of('\t', '\r', ' ', ' ', 0xA0, 0xA0, 0x1680, 0x1680,
            0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF);
    private static final CodePointSet LINE_TERMINATORS = CodePointSet.of('\n', '\n', '\r', '\r', 0x2028, 0x2029);

    private final int[] cps;
    private final String source;
    private final String path;
    private int pos;

    JsonPattern(String pattern, String path) {
        this.source = pattern;
        this.cps = pattern.codePoints().toArray();
        this.path = path;
    }

    GrammarExpr compile() {
        boolean anchoredStart = pos < cps.length && cps[pos] == '^';
        if (anchoredStart) {
            pos++;
        }
        boolean anchoredEnd = cps.length > pos && cps[cps.length - 1] == '$' && !escapedAt(cps.length - 1);
        int end = anchoredEnd ? cps.length - 1 : cps.length;
        GrammarExpr body = alternation(end);
        if (pos != end) {
            throw error("unexpected '" + Character.toString(cps[pos]) + "'");
        }
        GrammarExpr anything = GrammarExpr.repeat(JsonStrings.character(), 0, GrammarExpr.UNBOUNDED);
        List<GrammarExpr> parts = new ArrayList<>();
        if (!anchoredStart) {
            parts.add(anything);
        }
        parts.add(body);
        if (!anchoredEnd) {
            parts.add(anything);
        }
        return GrammarExpr.seq(parts);
    }

    private boolean escapedAt(int index) {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && cps[i] == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private GrammarExpr alternation(int end) {
        List<GrammarExpr> options = new ArrayList<>();
        options.add(concatenation(end));
        while (pos < end && cps[pos] == '|') {
            pos++;
            options.add(concatenation(end));
        }
        return GrammarExpr.choice(options);
    }

    private GrammarExpr concatenation(int end) {
        List<GrammarExpr> items = new ArrayList<>();
        while (pos < end && cps[pos] != '|' && cps[pos] != ')') {
            GrammarExpr atom = atom(end);
            items.add(quantified(atom, end));
        }
        return items.isEmpty() ? GrammarExpr.EMPTY : GrammarExpr.seq(items);
    }

    private GrammarExpr quantified(GrammarExpr atom, int end) {
        if (pos >= end) {
            return atom;
        }
        int c = cps[pos];
        GrammarExpr result;
        if (c == '*') {
            pos++;
            result = GrammarExpr.repeat(atom, 0, GrammarExpr.UNBOUNDED);
        } else if (c == '+') {
            pos++;
            result = GrammarExpr.repeat(atom, 1, GrammarExpr.UNBOUNDED);
        } else if (c == '?') {
            pos++;
            result = GrammarExpr.optional(atom);
        } else if (c == '{' && Character.isDigit(peek(1))) {
            pos++;
            int min = number();
            int max = min;
            if (cps[pos] == ',') {
                pos++;
                max = pos < end && cps[pos] == '}' ? GrammarExpr.UNBOUNDED : number();
            }
            expect('}');
            if (max != GrammarExpr.UNBOUNDED && max < min) {
                throw error("repetition {" + min + "," + max + "} has max < min");
            }
            result = GrammarExpr.repeat(atom, min, max);
        } else {
            return atom;
        }
        if (pos < end && (cps[pos] == '?' || cps[pos] == '*' || cps[pos] == '+' || cps[pos] == '{')) {
            throw error("lazy or stacked quantifiers are not supported");
        }
        return result;
    }

    private GrammarExpr atom(int end) {
        int c = cps[pos++];
        return switch (c) {
            case '(' -> {
                if (peek(0) == '?') {
                    if (peek(1) != ':') {
                        throw error("lookaround and named groups are not supported");
                    }
                    pos += 2;
                }
                GrammarExpr inner = alternation(end);
                expect(')');
                yield inner;
            }
            case '[' -> JsonStrings.encoded(characterClass());
            case '.' -> JsonStrings.encoded(LINE_TERMINATORS.complement());
            case '\\' -> JsonStrings.encoded(escape(false));
            case '^', '$' -> throw error("anchors are supported only at the very start and end");
            case '*', '+', '?', '{' -> throw error("quantifier '" + Character.toString(c) + "' has nothing to repeat");
            default -> JsonStrings.encoded(CodePointSet.single(c));
        };
    }

    private CodePointSet characterClass() {
        boolean negated = peek(0) == '^';
        if (negated) {
            pos++;
        }
        CodePointSet set = CodePointSet.of();
        while (pos < cps.length && cps[pos] != ']') {
            CodePointSet item;
            int lo;
            if (cps[pos] == '\\') {
                pos++;
                item = escape(true);
            } else {
                item = CodePointSet.single(cps[pos++]);
            }
            if (item.ranges().length == 2 && item.ranges()[0] == item.ranges()[1] && peek(0) == '-'
                    && peek(1) != ']' && peek(1) != -1) {
                lo = item.ranges()[0];
                pos++;
                int hi;
                if (cps[pos] == '\\') {
                    pos++;
                    CodePointSet h = escape(true);
                    if (h.ranges().length != 2 || h.ranges()[0] != h.ranges()[1]) {
                        throw error("a range must end in a single character");
                    }
                    hi = h.ranges()[0];
                } else {
                    hi = cps[pos++];
                }
                if (hi < lo) {
                    throw error("range out of order in character class");
                }
                item = CodePointSet.of(lo, hi);
            }
            set = set.union(item);
        }
        expect(']');
        return negated ? set.complement() : set;
    }

    /** After a backslash. */
    private CodePointSet escape(boolean inClass) {
        if (pos >= cps.length) {
            throw error("pattern ends with a backslash");
        }
        int c = cps[pos++];
        return switch (c) {
            case 'd' -> DIGITS;
            case 'D' -> DIGITS.complement();
            case 'w' -> WORD;
            case 'W' -> WORD.complement();
            case 's' -> SPACE;
            case 'S' -> SPACE.complement();
            case 'n' -> CodePointSet.single('\n');
            case 't' -> CodePointSet.single('\t');
            case 'r' -> CodePointSet.single('\r');
            case 'f' -> CodePointSet.single('\f');
            case 'v' -> CodePointSet.single(0x0B);
            case '0' -> CodePointSet.single(0);
            case 'x' -> CodePointSet.single(hex(2));
            case 'u' -> CodePointSet.single(hex(4));
            default -> {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '1' && c <= '9')) {
                    throw error("escape \\" + Character.toString(c) + " is not supported"
                            + (c == 'b' && !inClass ? " (word boundaries cannot be expressed)" : ""));
                }
                yield CodePointSet.single(c);
            }
        };
    }

    private int hex(int digits) {
        if (pos + digits > cps.length) {
            throw error("incomplete hex escape");
        }
        int v = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(cps[pos++], 16);
            if (d < 0) {
                throw error("bad hex digit in escape");
            }
            v = v * 16 + d;
        }
        return v;
    }

    private int number() {
        int start = pos;
        while (pos < cps.length && Character.isDigit(cps[pos])) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a number");
        }
        return Integer.parseInt(new String(cps, start, pos - start));
    }

    private void expect(int c) {
        if (pos >= cps.length || cps[pos] != c) {
            throw error("expected '" + Character.toString(c) + "'");
        }
        pos++;
    }

    private int peek(int ahead) {
        return pos + ahead < cps.length ? cps[pos + ahead] : -1;
    }

    private EngineException error(String what) {
        return new EngineException("schema " + path + ": pattern '" + source + "' at character " + pos + ": " + what
                + "; supported: literals . [classes] \\d \\w \\s groups | * + ? {n,m} and ^ $ at the ends");
    }
}
