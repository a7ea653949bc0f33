package dev.seekfix.bot.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks a model's answer against the JSON schema it was asked for. Lenient about the wrapping local models add
 * (a {@code ```json} fence, a sentence before the object), strict about the value itself.
 */
public final class JsonAnswerCheck {

    /** The answer as a JSON value, or why it is not one the schema accepts. */
    public sealed interface Result {
        record Valid(JsonNode value) implements Result {
        }

        record Invalid(String problem) implements Result {
        }
    }

    private final ObjectMapper json;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public JsonAnswerCheck(ObjectMapper json) {
        this.json = json;
    }

    public Result check(String answer, String schemaText) {
        String candidate = extractJson(answer);
        if (candidate == null) {
            return new Result.Invalid("expected one JSON object, found no '{' in the answer");
        }
        JsonNode value;
        try {
            value = json.readTree(candidate);
        } catch (JsonProcessingException e) {
            return new Result.Invalid("expected valid JSON, found a syntax error: " + e.getOriginalMessage());
        }
        List<Error> errors = schema(schemaText).validate(value);
        if (!errors.isEmpty()) {
            return new Result.Invalid("the JSON does not match the schema: " + errors.stream().limit(5)
                    .map(Error::toString).collect(Collectors.joining("; ")));
        }
        return new Result.Valid(value);
    }

    private Schema schema(String schemaText) {
        return schemas.computeIfAbsent(schemaText, text -> {
            try {
                return registry.getSchema(json.readTree(text));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the JSON schema given to the model is not JSON: " + e.getOriginalMessage(), e);
            }
        });
    }

    /** The text from the first '{' to its last '}', without a markdown fence around it; null when there is none. */
    static String extractJson(String answer) {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) return null;
        return answer.substring(start, end + 1);
    }
}
