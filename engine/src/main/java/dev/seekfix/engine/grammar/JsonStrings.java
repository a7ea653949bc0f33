package dev.seekfix.engine.grammar;

import java.util.ArrayList;
import java.util.List;

/** The byte-level shape of JSON string contents (RFC 8259 section 7), as IR. */
final class JsonStrings {

    /** Code points that may appear unescaped: anything but {@code "}, {@code \} and U+0000..U+001F. */
    static final CodePointSet UNESCAPED = CodePointSet.of(0x20, 0x21, 0x23, 0x5B, 0x5D, CodePointSet.MAX);

    private JsonStrings() {
    }

    /**
     * One character of a JSON string: a raw UTF-8 character or an escape. {@code \}{@code u} escapes of UTF-16
     * surrogates are left out: a lone one is not a character, and a pair counts as two characters where a
     * validator counts one, which would break minLength; the model can write the raw UTF-8 instead.
     */
    static GrammarExpr character() {
        return encoded(CodePointSet.ALL);
    }

    /**
     * The JSON-encoded forms of the code points in {@code set}: raw UTF-8 where allowed, else the short escape
     * ({@code \" \\ \n}...) or {@code \}{@code u00XX}; {@code /} may also be written {@code \/}. For the full set
     * every {@code \}{@code u} escape outside the surrogates is allowed too.
     */
    static GrammarExpr encoded(CodePointSet set) {
        List<GrammarExpr> options = new ArrayList<>();
        CodePointSet raw = set.intersect(UNESCAPED);
        if (!raw.isEmpty()) {
            options.add(Utf8Expansion.of(raw));
        }
        if (set.equals(CodePointSet.ALL)) {
            options.add(GrammarExpr.seq(GrammarExpr.literal("\\"), GrammarExpr.choice(
                    new GrammarExpr.ByteClass(new int[] {'"', '"', '/', '/', '\\', '\\', 'b', 'b', 'f', 'f', 'n', 'n',
                            'r', 'r', 't', 't'}),
                    GrammarExpr.seq(GrammarExpr.literal("u"), hexNonSurrogate()))));
            return GrammarExpr.choice(options);
        }
        for (int i = 0; i < set.ranges().length; i += 2) {
            for (int cp = set.ranges()[i]; cp <= Math.min(set.ranges()[i + 1], 0x7F); cp++) {
                if (cp == '/') {
                    options.add(GrammarExpr.literal("\\/"));
                }
                if (!UNESCAPED.contains(cp)) {
                    options.add(GrammarExpr.literal(shortEscape(cp)));
                }
            }
        }
        return GrammarExpr.choice(options);
    }

    /** A complete JSON string whose contents are {@code body}. */
    static GrammarExpr quoted(GrammarExpr body) {
        return GrammarExpr.seq(GrammarExpr.literal("\""), body, GrammarExpr.literal("\""));
    }

    private static String shortEscape(int cp) {
        return switch (cp) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", cp);
        };
    }

    /** Four hex digits outside D800..DFFF. */
    private static GrammarExpr hexNonSurrogate() {
        GrammarExpr hex = new GrammarExpr.ByteClass(new int[] {'0', '9', 'A', 'F', 'a', 'f'});
        GrammarExpr notD = new GrammarExpr.ByteClass(new int[] {'0', '9', 'A', 'C', 'E', 'F', 'a', 'c', 'e', 'f'});
        GrammarExpr d = new GrammarExpr.ByteClass(new int[] {'D', 'D', 'd', 'd'});
        GrammarExpr low = GrammarExpr.bytes('0', '7');
        return GrammarExpr.choice(GrammarExpr.seq(notD, hex, hex, hex), GrammarExpr.seq(d, low, hex, hex));
    }
}
