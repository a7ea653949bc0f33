package dev.seekfix.engine.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.seekfix.engine.api.OutputConstraint;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bot's findings schema over DeepSeek's real 102,400-token vocabulary. */
class FindingsConstraintTest {

    /** Far above any walk seen (a few thousand tokens): reaching it means a loop. */
    private static final int STEP_BOUND = 200_000;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(FindingsSchema.TEXT);

    private static TokenConstraint compile(GrammarVocabulary vocabulary, JsonWhitespace whitespace) {
        return new ConstraintCompiler(TokenIndex.of(vocabulary), whitespace)
                .compile(new OutputConstraint.JsonSchema(FindingsSchema.TEXT));
    }

    @ParameterizedTest
    @EnumSource(JsonWhitespace.class)
    void uniformRandomWalksAlwaysEndInValidFindings(JsonWhitespace whitespace) throws Exception {
        GrammarVocabulary vocabulary = FixtureVocabulary.deepSeek();
        TokenConstraint constraint = compile(vocabulary, whitespace);
        long[] mask = new long[vocabulary.maskWords()];
        for (int seed = 0; seed < 6; seed++) {
            Random random = new Random(seed);
            TokenMatcher m = constraint.newMatcher();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int steps = 0;
            while (true) {
                assertThat(steps++).as("seed %d: no end after %d steps", seed, STEP_BOUND).isLessThan(STEP_BOUND);
                m.fillMask(mask);
                int id = MaskOracle.sample(mask, random);
                boolean eosAllowed = (mask[vocabulary.eosId() >>> 6] & (1L << vocabulary.eosId())) != 0;
                assertThat(eosAllowed).isEqualTo(m.isComplete());
                assertThat(m.accept(id)).as("masked token %d accepted", id).isTrue();
                if (id == vocabulary.eosId()) {
                    break;
                }
                assertThat(id).isNotIn(100000, 100015, 102399);
                out.writeBytes(vocabulary.tokenBytes()[id]);
            }
            String json = strictUtf8(out.toByteArray());
            JsonNode parsed = mapper.readTree(json);
            assertThat(validator.validate(parsed)).as("seed %d: %s", seed, json).isEmpty();
            assertThat(parsed.get("findings").size()).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void masksEqualTheBruteForceMaskAtEveryStepOfAWalk() {
        GrammarVocabulary vocabulary = FixtureVocabulary.deepSeek();
        TokenConstraint constraint = compile(vocabulary, JsonWhitespace.FLEXIBLE);
        Random random = new Random(42);
        TokenMatcher m = constraint.newMatcher();
        for (int step = 0; step < 120 && !m.isTerminated(); step++) {
            BitSet mask = m.allowedTokens();
            assertThat(mask.isEmpty()).isFalse();
            assertThat(BitSet.valueOf(m.uncachedMask())).as("step %d: full walk", step).isEqualTo(mask);
            assertThat(MaskOracle.bruteForce(m, vocabulary)).as("step %d: brute force", step).isEqualTo(mask);
            int id = MaskOracle.sample(mask.toLongArray(), random);
            assertThat(m.accept(id)).isTrue();
        }
    }

    @Test
    void everyTokenOfValidFindingsIsAllowedInCanonicalAndGreedyTokenizationsAndEosComesAtTheEnd() throws Exception {
        GrammarVocabulary vocabulary = FixtureVocabulary.deepSeek();
        TokenConstraint constraint = compile(vocabulary, JsonWhitespace.COMPACT);
        String[] valid = {
            "{\"findings\":[]}",
            " {\"findings\":[{\"path\":\"src/Main.java\",\"start_line\":null,\"line\":12,\"side\":\"RIGHT\","
                + "\"severity\":\"critical\",\"category\":\"bug\",\"confidence\":0.85,\"title\":\"Null deref\","
                + "\"body\":\"`x` may be null \\u2014 check it.\\nSee \\\"docs\\\".\",\"suggestion\":\"if (x != null) {}\"}]}",
            "{\"findings\":[{\"path\":\"docs/Müller_漢字.md\",\"start_line\":3,\"line\":4,\"side\":\"LEFT\","
                + "\"severity\":\"nit\",\"category\":\"style 😀\",\"confidence\":1,\"title\":\"" + "t".repeat(120) + "\","
                + "\"body\":\"ø ö ú ÿ õ ÷ û ý À ù Á þ ü\"},{\"path\":\"a\",\"line\":1,\"side\":\"RIGHT\","
                + "\"severity\":\"major\",\"category\":\"\",\"confidence\":0,\"title\":\"\",\"body\":\"\","
                + "\"suggestion\":null},{\"path\":\"b\",\"line\":9999,\"side\":\"LEFT\",\"severity\":\"minor\","
                + "\"category\":\"perf\",\"confidence\":1.0,\"title\":\"x\",\"body\":\"\\t\\\\\"}]}",
        };
        for (String json : valid) {
            assertThat(validator.validate(mapper.readTree(json))).as(json).isEmpty();
            int[] canonical = FixtureVocabulary.deepSeekTokenizer().encode(json, false, false);
            List<Integer> greedy = MaskOracle.greedyTokens(json, vocabulary);
            for (List<Integer> ids : List.of(java.util.Arrays.stream(canonical).boxed().toList(), greedy)) {
                TokenMatcher m = constraint.newMatcher();
                for (int i = 0; i < ids.size(); i++) {
                    assertThat(m.allowedTokens().get(ids.get(i))).as("token %d of %s", i, json).isTrue();
                    assertThat(m.accept(ids.get(i))).isTrue();
                }
                assertThat(m.isComplete()).isTrue();
                assertThat(m.isTerminated()).isTrue();
                assertThat(m.accept(vocabulary.eosId())).isTrue();
            }
        }
    }

    @Test
    void mutantsAreRejectedAtSomeStep() {
        GrammarVocabulary vocabulary = FixtureVocabulary.deepSeek();
        TokenConstraint constraint = compile(vocabulary, JsonWhitespace.COMPACT);
        String item = "{\"path\":\"a\",\"line\":2,\"side\":\"LEFT\",\"severity\":\"nit\",\"category\":\"c\","
                + "\"confidence\":0.5,\"title\":\"t\",\"body\":\"b\"}";
        String[] mutants = {
            "{\"findings\":[" + item.replace("\"line\":2,", "") + "]}",
            "{\"findings\":[" + item.replace("LEFT", "UP") + "]}",
            "{\"findings\":[" + item.replace("0.5", "1.5") + "]}",
            "{\"findings\":[" + item.replace("\"line\":2", "\"line\":02") + "]}",
            "{\"findings\":[" + item.replace("\"line\":2", "\"line\":0") + "]}",
            "{\"findings\":[" + item + ",]}",
            "{\"findings\":[" + item.replace("}", ",\"extra\":1}") + "]}",
            "{\"findings\":[" + item.replace("\"title\":\"t\"", "\"title\":\"" + "t".repeat(121) + "\"") + "]}",
            "{\"findings\":[" + (item + ",").repeat(20) + item + "]}",
            "{\"findings\":[" + item + "]}}",
        };
        for (String json : mutants) {
            TokenMatcher m = constraint.newMatcher();
            boolean rejected = false;
            for (int id : MaskOracle.greedyTokens(json, vocabulary)) {
                if (!m.accept(id)) {
                    rejected = true;
                    break;
                }
            }
            assertThat(rejected || !m.isComplete()).as(json).isTrue();
            assertThat(jsonRejects(json)).as("Jackson or the validator agrees: " + json).isTrue();
        }
    }

    private boolean jsonRejects(String json) {
        try {
            return !validator.validate(mapper.readTree(json)).isEmpty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return true;
        }
    }

    private static String strictUtf8(byte[] bytes) throws Exception {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
