package dev.seekfix.engine.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.seekfix.engine.api.OutputConstraint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Recursive schemas and grammars (the stack-based automaton) over DeepSeek's real vocabulary. */
class RecursiveConstraintTest {

    private static final String TREE = """
            {"$defs":{"n":{"type":"object","properties":{"v":{"type":"integer","minimum":0,"maximum":9},
              "kids":{"type":"array","items":{"$ref":"#/$defs/n"},"maxItems":2}},"required":["v"]}},
             "$ref":"#/$defs/n"}""";

    @Test
    void randomWalksThroughARecursiveSchemaProduceValidTrees() throws Exception {
        GrammarVocabulary vocabulary = FixtureVocabulary.deepSeek();
        TokenConstraint constraint = new ConstraintCompiler(TokenIndex.of(vocabulary), JsonWhitespace.FLEXIBLE)
                .compile(new OutputConstraint.JsonSchema(TREE));
        Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(TREE);
        ObjectMapper mapper = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        long[] mask = new long[vocabulary.maskWords()];
        for (int seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            TokenMatcher m = constraint.newMatcher();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int step = 0; ; step++) {
                assertThat(step).as("seed %d never ended", seed).isLessThan(100_000);
                if (seed == 0 && step < 40) {
                    assertThat(MaskOracle.bruteForce(m, vocabulary)).isEqualTo(m.allowedTokens());
                }
                m.fillMask(mask);
                int id = MaskOracle.sample(mask, random);
                assertThat(m.accept(id)).isTrue();
                if (id == vocabulary.eosId()) {
                    break;
                }
                out.writeBytes(vocabulary.tokenBytes()[id]);
            }
            String json = out.toString(StandardCharsets.UTF_8);
            assertThat(validator.validate(mapper.readTree(json))).as(json).isEmpty();
        }
    }

    @Test
    void walksThroughLlamaCppsJsonGrammarNeverDeadEndAndFinishedOnesParse() throws Exception {
        GrammarVocabulary vocabulary = FixtureVocabulary.deepSeek();
        TokenConstraint constraint = new ConstraintCompiler(TokenIndex.of(vocabulary), JsonWhitespace.COMPACT)
                .compile(new OutputConstraint.Grammar(LlamaCppJsonGrammar.TEXT));
        ObjectMapper mapper = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        long[] mask = new long[vocabulary.maskWords()];
        int finished = 0;
        for (int seed = 0; seed < 15; seed++) {
            Random random = new Random(seed);
            TokenMatcher m = constraint.newMatcher();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean ended = false;
            for (int step = 0; step < 1_500 && !ended; step++) {
                m.fillMask(mask);
                int id = MaskOracle.sample(mask, random); // throws on an empty mask
                assertThat(m.accept(id)).isTrue();
                ended = id == vocabulary.eosId();
                if (!ended) {
                    out.writeBytes(vocabulary.tokenBytes()[id]);
                }
            }
            if (ended) {
                finished++;
                assertThat(mapper.readTree(out.toString(StandardCharsets.UTF_8)).isObject()).isTrue();
            }
        }
        System.out.println("llama.cpp json.gbnf: " + finished + " of 15 walks reached EOS; " + constraint.statistics());
        assertThat(finished).as("walks that reached EOS").isGreaterThan(0);
    }

    @Test
    void recursiveGrammarMasksEqualBruteForce() {
        GrammarVocabulary vocabulary = FixtureVocabulary.deepSeek();
        TokenConstraint constraint = new ConstraintCompiler(TokenIndex.of(vocabulary), JsonWhitespace.COMPACT)
                .compile(new OutputConstraint.Grammar("""
                        root ::= list
                        list ::= "(" (item (" " item)*)? ")"
                        item ::= [a-z]+ | list
                        """));
        Random random = new Random(5);
        TokenMatcher m = constraint.newMatcher();
        StringBuilder text = new StringBuilder();
        for (int step = 0; step < 60 && !m.isTerminated(); step++) {
            BitSet mask = m.allowedTokens();
            assertThat(MaskOracle.bruteForce(m, vocabulary)).as("step %d after %s", step, text).isEqualTo(mask);
            int id = MaskOracle.sample(mask.toLongArray(), random);
            assertThat(m.accept(id)).isTrue();
            if (id != vocabulary.eosId()) {
                text.append(new String(vocabulary.tokenBytes()[id], StandardCharsets.UTF_8));
            }
        }
        int depth = 0;
        for (char c : text.toString().toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            assertThat(depth).isGreaterThanOrEqualTo(0);
        }
    }
}
