package dev.seekfix.engine.grammar;

import java.util.LinkedHashMap;
import java.util.Map;

/** Named rules and the one to start from; a JSON schema compiles to a single {@code root} rule. */
record GrammarRules(Map<String, GrammarExpr> rules, String root) {

    GrammarRules {
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        if (!rules.containsKey(root)) {
            throw new IllegalArgumentException("grammar has no rule named '" + root + "'");
        }
    }

    static GrammarRules single(GrammarExpr root) {
        return new GrammarRules(Map.of("root", root), "root");
    }
}
