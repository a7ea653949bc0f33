package dev.seekfix.engine.grammar;

import java.nio.charset.StandardCharsets;

/** Test seam: the byte language of an IR expression or of a compiled schema, without any vocabulary. */
final class Automata {

    private final LazyDfa dfa;

    private Automata(GrammarRules rules) {
        this.dfa = new LazyDfa(ByteNfa.compile(rules));
    }

    static Automata of(GrammarExpr expr) {
        return new Automata(GrammarRules.single(expr));
    }

    static Automata schema(String schema) {
        return new Automata(new JsonSchemaCompiler(JsonWhitespace.COMPACT).compile(schema));
    }

    static Automata schema(String schema, JsonWhitespace whitespace) {
        return new Automata(new JsonSchemaCompiler(whitespace).compile(schema));
    }

    static Automata gbnf(String grammar) {
        return new Automata(new GbnfParser(grammar).parse());
    }

    boolean matches(String text) {
        return matches(text.getBytes(StandardCharsets.UTF_8));
    }

    boolean matches(byte[] bytes) {
        int s = dfa.run(dfa.start, bytes);
        return s >= 0 && dfa.isAccepting(s);
    }

    /** Whether {@code text} can still be completed (is a prefix of some output). */
    boolean isPrefix(String text) {
        return dfa.run(dfa.start, text.getBytes(StandardCharsets.UTF_8)) >= 0;
    }

    LazyDfa dfa() {
        return dfa;
    }
}
