package dev.seekfix.engine.grammar;

import dev.seekfix.engine.api.OutputConstraint;

/**
 * Compiles an {@link OutputConstraint} for one model's vocabulary. Compilation builds the automaton's
 * non-deterministic form only; deterministic states and masks are made lazily as generation reaches them.
 */
public final class ConstraintCompiler {

    private final TokenIndex index;
    private final JsonWhitespace whitespace;

    public ConstraintCompiler(TokenIndex index, JsonWhitespace whitespace) {
        this.index = index;
        this.whitespace = whitespace;
    }

    /** @throws dev.seekfix.engine.api.EngineException naming the unsupported keyword or the grammar error */
    public TokenConstraint compile(OutputConstraint constraint) {
        GrammarRules rules = switch (constraint) {
            case OutputConstraint.None n -> GrammarRules.single(GrammarExpr.repeat(GrammarExpr.bytes(0, 0xFF), 0,
                    GrammarExpr.UNBOUNDED));
            case OutputConstraint.JsonSchema s -> new JsonSchemaCompiler(whitespace).compile(s.schema());
            case OutputConstraint.Grammar g -> new GbnfParser(g.gbnf()).parse();
        };
        return new TokenConstraint(index, new LazyDfa(ByteNfa.compile(rules)));
    }
}
