package dev.seekfix.engine.grammar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that take part in a reference cycle (Tarjan's strongly connected components over rule references).
 * Only these need the call stack; every other rule is inlined into the automaton.
 */
final class RecursiveRules {

    private final Map<String, List<String>> edges = new HashMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final List<String> stack = new ArrayList<>();
    private final Set<String> onStack = new HashSet<>();
    private final Set<String> recursive = new HashSet<>();
    private int counter;

    private RecursiveRules(GrammarRules rules) {
        rules.rules().forEach((name, body) -> {
            List<String> refs = new ArrayList<>();
            collect(body, refs);
            edges.put(name, refs);
        });
        for (String name : rules.rules().keySet()) {
            if (!index.containsKey(name)) {
                visit(name);
            }
        }
    }

    static Set<String> of(GrammarRules rules) {
        return new RecursiveRules(rules).recursive;
    }

    private void visit(String v) {
        index.put(v, counter);
        low.put(v, counter);
        counter++;
        stack.add(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, List.of())) {
            if (!edges.containsKey(w)) {
                continue; // undefined: reported when the automaton is built
            }
            if (!index.containsKey(w)) {
                visit(w);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.removeLast();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1 || edges.get(v).contains(v)) {
                recursive.addAll(component);
            }
        }
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
