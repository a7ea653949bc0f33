package dev.seekfix.engine.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seekfix.engine.api.EngineException;
import org.junit.jupiter.api.Test;

class GbnfParserTest {

    @Test
    void parsesRulesLiteralsClassesAndRepetitions() {
        Automata a = Automata.gbnf("""
                # a tiny answer format
                root   ::= "answer: " verdict ( ", " reason )? "\\n"
                verdict ::= "yes" | "no"
                reason ::= [a-z ]{1,10} [.!]?
                """);
        assertThat(a.matches("answer: yes\n")).isTrue();
        assertThat(a.matches("answer: no, too slow.\n")).isTrue();
        assertThat(a.matches("answer: maybe\n")).isFalse();
        assertThat(a.matches("answer: no, " + "a".repeat(11) + "\n")).isFalse();
    }

    @Test
    void rulesMayContinueOnLinesThatStartWithBar() {
        Automata a = Automata.gbnf("""
                root ::= item+
                item ::= "a"
                       | "b"
                       | [0-9]{2}
                """);
        assertThat(a.matches("ab12a")).isTrue();
        assertThat(a.matches("a1")).isFalse();
    }

    @Test
    void negatedClassesAndDotWorkOnCodePoints() {
        Automata a = Automata.gbnf("root ::= \"\\\"\" [^\"\\\\]* \"\\\"\" .");
        assertThat(a.matches("\"héllo 😀\"漢")).isTrue();
        assertThat(a.matches("\"a\"b\"c")).isFalse();
    }

    @Test
    void escapesNameCodePoints() {
        Automata a = Automata.gbnf("root ::= \"\\x41\\u00e9\\U0001F600\\t\" [\\x30-\\x39]{,2}");
        assertThat(a.matches("Aé😀\t")).isTrue();
        assertThat(a.matches("Aé😀\t42")).isTrue();
        assertThat(a.matches("Aé😀\t423")).isFalse();
    }

    @Test
    void recursiveRulesMatchNestedStructures() {
        Automata a = Automata.gbnf("""
                root ::= expr
                expr ::= term ("+" term)*
                term ::= [0-9]+ | "(" expr ")"
                """);
        assertThat(a.matches("1+(2+(3+4))+5")).isTrue();
        assertThat(a.matches("(".repeat(200) + "7" + ")".repeat(200))).isTrue();
        assertThat(a.matches("(".repeat(200) + "7" + ")".repeat(199))).isFalse();
        assertThat(a.isPrefix("((1+")).isTrue();
        assertThat(a.isPrefix("(1))")).isFalse();
        Automata selfRoot = Automata.gbnf("root ::= \"[\" root? \"]\"");
        assertThat(selfRoot.matches("[[[]]]")).isTrue();
        assertThat(selfRoot.matches("[[]")).isFalse();
    }

    @Test
    void parsesLlamaCppsJsonGrammar() {
        Automata a = Automata.gbnf(LlamaCppJsonGrammar.TEXT);
        assertThat(LlamaCppJsonGrammar.TEXT).contains("[^\"\\\\\\x7F\\x00-\\x1F]");
        assertThat(a.matches("{\"a\": [1, -2.5e3, \"x\\n\\u00e9\", {\"b\": null}], \"c\": true}")).isTrue();
        assertThat(a.matches("{\n  \"k\": {}\n}\n")).isTrue();
        assertThat(a.matches("{\"a\": [1,]}")).isFalse();
        assertThat(a.matches("{\"a\": \"\u007F\"}")).as("DEL is excluded by that grammar").isFalse();
        assertThat(a.matches("[1]")).as("root is an object").isFalse();
    }

    @Test
    void refusesLeftRecursionAndRulesThatNeverEnd() {
        assertThatThrownBy(() -> Automata.gbnf("root ::= list\nlist ::= list \",\" \"x\" | \"x\""))
                .isInstanceOf(EngineException.class).hasMessageContaining("left-recursive").hasMessageContaining("list");
        assertThatThrownBy(() -> Automata.gbnf("root ::= a\na ::= \"x\"? b | \"z\"\nb ::= a \"y\""))
                .isInstanceOf(EngineException.class).hasMessageContaining("left-recursive");
        assertThatThrownBy(() -> Automata.gbnf("root ::= \"(\" root \")\""))
                .isInstanceOf(EngineException.class).hasMessageContaining("matches no output");
    }

    @Test
    void refusesUndefinedRulesAndBadSyntax() {
        assertThatThrownBy(() -> Automata.gbnf("root ::= thing"))
                .isInstanceOf(EngineException.class).hasMessageContaining("'thing'");
        assertThatThrownBy(() -> Automata.gbnf("start ::= \"x\""))
                .isInstanceOf(EngineException.class).hasMessageContaining("root");
        assertThatThrownBy(() -> Automata.gbnf("root ::= \"x\"\nroot ::= \"y\""))
                .isInstanceOf(EngineException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> Automata.gbnf("root ::= \"x\" {3,1}"))
                .isInstanceOf(EngineException.class).hasMessageContaining("line 1");
    }
}
