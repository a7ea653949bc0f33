package dev.seekfix.engine.grammar;

import dev.seekfix.engine.api.EngineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * llama.cpp's GBNF ({@code grammars/README.md}, parser in {@code src/llama-grammar.cpp}) to the grammar IR:
 * {@code name ::= alternatives}, string literals, character classes {@code [a-z] [^"\\]}, {@code .}, rule
 * references, groups, {@code | * + ? {m} {m,} {m,n} {,n}} and {@code #} comments. Escapes are llama.cpp's:
 * {@code \n \r \t \\ \" \[ \] \- \xHH &#92;uHHHH &#92;UHHHHHHHH}, each naming a code point. Rules may continue over
 * several lines; a rule ends where the next {@code name ::=} begins. The start rule is {@code root}.
 * Recursive rules are refused when the automaton is built (no stack-based matcher yet); token references
 * ({@code <[123]>}) are not supported.
 */
final class GbnfParser {

    private final int[] src; // code points
    private int pos;
    private int line = 1;

    GbnfParser(String text) {
        this.src = text.codePoints().toArray();
    }

    GrammarRules parse() {
        Map<String, GrammarExpr> rules = new LinkedHashMap<>();
        skipSpace();
        while (pos < src.length) {
            int ruleLine = line;
            String name = name();
            skipSpace();
            if (!lookingAt("::=")) {
                throw error("expected '::=' after rule name '" + name + "'");
            }
            pos += 3;
            skipSpace();
            GrammarExpr body = alternatives(false);
            if (rules.putIfAbsent(name, body) != null) {
                throw new EngineException("grammar line " + ruleLine + ": rule '" + name + "' is defined twice; "
                        + "merge the definitions with |");
            }
            skipSpace();
        }
        if (!rules.containsKey("root")) {
            throw new EngineException("grammar has no 'root' rule; the start rule must be called root");
        }
        for (String used : references(rules)) {
            if (!rules.containsKey(used)) {
                throw new EngineException("grammar: rule '" + used + "' is used but never defined");
            }
        }
        return new GrammarRules(rules, "root");
    }

    private GrammarExpr alternatives(boolean nested) {
        List<GrammarExpr> options = new ArrayList<>();
        options.add(sequence(nested));
        while (pos < src.length && src[pos] == '|') {
            pos++;
            skipSpace();
            options.add(sequence(nested));
        }
        return GrammarExpr.choice(options);
    }

    private GrammarExpr sequence(boolean nested) {
        List<GrammarExpr> items = new ArrayList<>();
        while (pos < src.length) {
            int c = src[pos];
            if (c == '|' || c == ')') {
                break;
            }
            if (!nested && isWordChar(c) && startsRule()) {
                break;
            }
            GrammarExpr element = element();
            skipSpace();
            items.add(postfix(element));
        }
        return items.isEmpty() ? GrammarExpr.EMPTY : GrammarExpr.seq(items);
    }

    private GrammarExpr element() {
        int c = src[pos];
        switch (c) {
            case '"' -> {
                pos++;
                List<GrammarExpr> chars = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                while (pos < src.length && src[pos] != '"') {
                    text.appendCodePoint(character());
                }
                expect('"');
                chars.add(GrammarExpr.literal(text.toString()));
                return GrammarExpr.seq(chars);
            }
            case '[' -> {
                pos++;
                boolean negated = pos < src.length && src[pos] == '^';
                if (negated) {
                    pos++;
                }
                CodePointSet set = CodePointSet.of();
                while (pos < src.length && src[pos] != ']') {
                    int lo = character();
                    int hi = lo;
                    if (pos + 1 < src.length && src[pos] == '-' && src[pos + 1] != ']') {
                        pos++;
                        hi = character();
                        if (hi < lo) {
                            throw error("character range out of order");
                        }
                    }
                    set = set.union(CodePointSet.of(lo, hi));
                }
                expect(']');
                CodePointSet result = negated ? set.complement() : set;
                if (result.isEmpty()) {
                    throw error("character class matches nothing");
                }
                return Utf8Expansion.of(result);
            }
            case '.' -> {
                pos++;
                return Utf8Expansion.of(CodePointSet.ALL);
            }
            case '(' -> {
                pos++;
                skipSpace();
                GrammarExpr inner = alternatives(true);
                expect(')');
                return inner;
            }
            case '<' -> throw error("token references (<...>) are not supported");
            default -> {
                if (isWordChar(c)) {
                    return new GrammarExpr.RuleRef(name());
                }
                throw error("unexpected '" + Character.toString(c) + "'");
            }
        }
    }

    private GrammarExpr postfix(GrammarExpr element) {
        GrammarExpr result = element;
        while (pos < src.length) {
            int c = src[pos];
            if (c == '*') {
                result = GrammarExpr.repeat(result, 0, GrammarExpr.UNBOUNDED);
            } else if (c == '+') {
                result = GrammarExpr.repeat(result, 1, GrammarExpr.UNBOUNDED);
            } else if (c == '?') {
                result = GrammarExpr.optional(result);
            } else if (c == '{') {
                pos++;
                skipSpace();
                int min = src[pos] == ',' ? 0 : integer();
                int max = min;
                skipSpace();
                if (src[pos] == ',') {
                    pos++;
                    skipSpace();
                    max = src[pos] == '}' ? GrammarExpr.UNBOUNDED : integer();
                    skipSpace();
                }
                if (src[pos] != '}') {
                    throw error("expected '}' to close the repetition");
                }
                if (max != GrammarExpr.UNBOUNDED && max < min) {
                    throw error("repetition {" + min + "," + max + "} has max < min");
                }
                result = GrammarExpr.repeat(result, min, max);
            } else {
                break;
            }
            pos++;
            skipSpace();
        }
        return result;
    }

    /** One code point of a literal or class, with llama.cpp's escapes. */
    private int character() {
        if (pos >= src.length) {
            throw error("unexpected end of grammar inside a literal or class");
        }
        int c = src[pos++];
        if (c != '\\') {
            if (c == '\n') {
                line++;
            }
            return c;
        }
        if (pos >= src.length) {
            throw error("grammar ends with a backslash");
        }
        int e = src[pos++];
        return switch (e) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case '\\', '"', '[', ']', '-', '^' -> e;
            case 'x' -> hex(2);
            case 'u' -> hex(4);
            case 'U' -> hex(8);
            default -> throw error("unknown escape \\" + Character.toString(e));
        };
    }

    private int hex(int digits) {
        int v = 0;
        for (int i = 0; i < digits; i++) {
            if (pos >= src.length || Character.digit(src[pos], 16) < 0) {
                throw error("expected " + digits + " hex digits");
            }
            v = v * 16 + Character.digit(src[pos++], 16);
        }
        if (v > CodePointSet.MAX || (v >= 0xD800 && v <= 0xDFFF)) {
            throw error("escape names no Unicode scalar value: " + Integer.toHexString(v));
        }
        return v;
    }

    private int integer() {
        int start = pos;
        while (pos < src.length && src[pos] >= '0' && src[pos] <= '9') {
            pos++;
        }
        if (start == pos) {
            throw error("expected a number in the repetition");
        }
        return Integer.parseInt(new String(src, start, pos - start));
    }

    private String name() {
        int start = pos;
        while (pos < src.length && isWordChar(src[pos])) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a rule name");
        }
        return new String(src, start, pos - start);
    }

    /** At a word: is it {@code name ::=}, the start of the next rule? */
    private boolean startsRule() {
        int save = pos;
        int saveLine = line;
        name();
        skipSpace();
        boolean rule = lookingAt("::=");
        pos = save;
        line = saveLine;
        return rule;
    }

    private boolean lookingAt(String s) {
        int[] t = s.codePoints().toArray();
        if (pos + t.length > src.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (src[pos + i] != t[i]) {
                return false;
            }
        }
        return true;
    }

    private void skipSpace() {
        while (pos < src.length) {
            int c = src[pos];
            if (c == '#') {
                while (pos < src.length && src[pos] != '\n') {
                    pos++;
                }
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (c == '\n') {
                    line++;
                }
                pos++;
            } else {
                break;
            }
        }
    }

    private void expect(int c) {
        if (pos >= src.length || src[pos] != c) {
            throw error("expected '" + Character.toString(c) + "'");
        }
        pos++;
    }

    private static boolean isWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private EngineException error(String what) {
        return new EngineException("grammar line " + line + ": " + what + "; see llama.cpp grammars/README.md for "
                + "the syntax");
    }

    private static List<String> references(Map<String, GrammarExpr> rules) {
        List<String> out = new ArrayList<>();
        rules.values().forEach(e -> collect(e, out));
        return out;
    }

    private static void collect(GrammarExpr e, List<String> out) {
        switch (e) {
            case GrammarExpr.RuleRef r -> out.add(r.name());
            case GrammarExpr.Sequence s -> s.items().forEach(i -> collect(i, out));
            case GrammarExpr.Choice c -> c.options().forEach(o -> collect(o, out));
            case GrammarExpr.Repeat r -> collect(r.item(), out);
            case GrammarExpr.Literal l -> { }
            case GrammarExpr.ByteClass b -> { }
        }
    }
}
