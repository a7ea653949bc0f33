package dev.seekfix.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitHub's REST description ({@code shared/fixtures/github/openapi-api.github.com.json}, OpenAPI 3.0) as a checker
 * of the fake's requests and responses. OpenAPI's {@code nullable: true} is turned into JSON Schema's
 * {@code "null"} type; {@code $ref}s resolve against the description's components.
 */
public final class OpenApiContract {
    private static volatile OpenApiContract loaded;

    private final JsonNode spec;
    private final ObjectNode components;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode spec) {
        this.spec = spec;
        this.components = (ObjectNode) nullable(spec.get("components"));
    }

    public static Optional<Path> file() {
        Path path = Path.of(System.getProperty("seekfix.fixtures", "../../shared/fixtures"), "github", "openapi-api.github.com.json");
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    public static synchronized OpenApiContract load() {
        if (loaded == null) {
            Path path = file().orElseThrow(() -> new IllegalStateException("GitHub OpenAPI fixture missing; tests should skip"));
            try {
                loaded = new OpenApiContract(new ObjectMapper().readTree(path.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    /** A deep copy of {@code components.examples[name].value}. */
    public JsonNode example(String name) {
        JsonNode value = spec.path("components").path("examples").path(name).path("value");
        if (value.isMissingNode()) throw new IllegalArgumentException("no example " + name + " in the OpenAPI description");
        return value.deepCopy();
    }

    public List<String> checkRequest(String method, String template, JsonNode body) {
        JsonNode schema = operation(method, template).path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            // hub4j sends {} with body-less POSTs; GitHub ignores an empty object.
            return body == null || body.isEmpty() ? List.of() : List.of("operation takes no JSON body, found " + body);
        }
        return validate(method + " " + template + " request", schema, body);
    }

    public List<String> checkResponse(String method, String template, int status, JsonNode body) {
        JsonNode response = operation(method, template).path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            return List.of("status %d is not documented for %s %s".formatted(status, method, template));
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) return List.of();
        return validate(method + " " + template + " " + status, schema, body);
    }

    private JsonNode operation(String method, String template) {
        JsonNode op = spec.path("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT));
        if (op.isMissingNode()) throw new IllegalArgumentException("no operation " + method + " " + template + " in the OpenAPI description");
        return op;
    }

    private List<String> validate(String key, JsonNode schemaNode, JsonNode body) {
        Schema schema = schemas.computeIfAbsent(key, k -> {
            ObjectNode root = (ObjectNode) nullable(schemaNode);
            root.set("components", components);
            return registry.getSchema(root);
        });
        return schema.validate(body).stream().map(Error::toString).toList();
    }

    /** OpenAPI 3.0 {@code nullable: true} → JSON Schema: {@code "null"} added to the type or as an alternative. */
    static JsonNode nullable(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(nullable(n)));
            return out;
        }
        if (!node.isObject()) return node;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(e.getKey(), nullable(e.getValue()));
        }
        if (out.path("nullable").asBoolean(false)) {
            out.remove("nullable");
            JsonNode type = out.get("type");
            if (type != null && type.isTextual()) {
                out.set("type", JsonNodeFactory.instance.arrayNode().add(type.asText()).add("null"));
                if (out.has("enum")) ((ArrayNode) out.get("enum")).addNull();
            } else {
                ObjectNode any = JsonNodeFactory.instance.objectNode();
                any.putArray("anyOf").add(out).addObject().put("type", "null");
                return any;
            }
        }
        return out;
    }
}
