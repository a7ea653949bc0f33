package dev.seekfix.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.seekfix.engine.api.ChatMessage;
import dev.seekfix.engine.api.Completion;
import dev.seekfix.engine.api.CompletionRequest;
import dev.seekfix.engine.api.EngineOptions;
import dev.seekfix.engine.api.LanguageModel;
import dev.seekfix.engine.api.Models;
import dev.seekfix.engine.api.OutputConstraint;
import dev.seekfix.engine.api.Prompt;
import dev.seekfix.engine.api.Sampling;
import dev.seekfix.engine.api.StopReason;
import dev.seekfix.engine.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Constrained generation through the real forward pass of a random-weight fixture model: with the review bot's
 * findings schema (bot/src/main/resources/schemas/findings.schema.json) every output parses and validates, with
 * greedy and temperature sampling, several seeds, and budgets too small for the model to finish on its own.
 */
class ConstrainedGenerationTest {

    static final String FINDINGS_SCHEMA = """
            {"type":"object","properties":{"findings":{"type":"array","maxItems":20,"items":{"type":"object",\
            "properties":{"path":{"type":"string"},"start_line":{"type":["integer","null"]},\
            "line":{"type":"integer","minimum":1},"side":{"enum":["LEFT","RIGHT"]},\
            "severity":{"enum":["critical","major","minor","nit"]},"category":{"type":"string"},\
            "confidence":{"type":"number","minimum":0,"maximum":1},"title":{"type":"string","maxLength":120},\
            "body":{"type":"string"},"suggestion":{"type":["string","null"]}},\
            "required":["path","line","side","severity","category","confidence","title","body"],\
            "additionalProperties":false}}},"required":["findings"],"additionalProperties":false}""";

    private static LanguageModel model;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(FINDINGS_SCHEMA);

    @BeforeAll
    static void load() {
        model = Models.local().load(Fixtures.model("ds2-micro-mla-Q8_0.gguf"), new EngineOptions(
                dev.seekfix.engine.api.Backend.CPU, 2, 2048));
    }

    @AfterAll
    static void close() {
        if (model != null) model.close();
    }

    private CompletionRequest request(Sampling sampling, int maxTokens) {
        return new CompletionRequest(new Prompt.Chat(List.of(ChatMessage.user("Review this diff and answer in JSON."))),
                sampling, maxTokens, List.of(), new OutputConstraint.JsonSchema(FINDINGS_SCHEMA));
    }

    private void assertValid(Completion c) throws Exception {
        JsonNode parsed = mapper.readTree(c.text());
        assertThat(validator.validate(parsed)).as(c.text()).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void temperatureSamplingAlwaysYieldsValidFindings(long seed) throws Exception {
        Completion c = model.generate(request(new Sampling(1.0, 0, 1.0, 0.0, 1.0, 64, seed), 400));
        assertValid(c);
    }

    @Test
    void greedyDecodingYieldsValidFindings() throws Exception {
        assertValid(model.generate(request(Sampling.greedy(), 400)));
    }

    @ParameterizedTest(name = "max tokens {0}")
    @ValueSource(ints = {12, 40, 90})
    void aBudgetTooSmallToFinishStillEndsInACompleteValue(int maxTokens) throws Exception {
        Completion c = model.generate(request(new Sampling(1.2, 0, 1.0, 0.0, 1.0, 64, maxTokens), maxTokens));
        assertValid(c);
        assertThat(c.tokens().length).isLessThanOrEqualTo(maxTokens);
    }

    @Test
    void endsAsSoonAsTheConstraintAllowsNothingElse() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"}},\"required\":[\"ok\"]}";
        Completion c = model.generate(new CompletionRequest(new Prompt.Text("x", true), Sampling.withTemperature(1.0, 9),
                50, List.of(), new OutputConstraint.JsonSchema(schema)));
        assertThat(mapper.readTree(c.text()).get("ok").isBoolean()).isTrue();
        assertThat(c.stopReason()).isIn(StopReason.CONSTRAINT_COMPLETE, StopReason.END_OF_SEQUENCE);
    }
}
