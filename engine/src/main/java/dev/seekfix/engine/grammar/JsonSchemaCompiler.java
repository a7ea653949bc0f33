package dev.seekfix.engine.grammar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.engine.api.EngineException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schema (a draft 2020-12 subset) to the grammar IR: one rule per {@code $ref} target (recursive ones
 * become calls in the automaton, the others are inlined) and a recursive {@code any} rule for schemas that allow
 * any value ({@code true}, or no type). Output is compact JSON with keys in {@code properties}
 * order, optional keys simply left out, and no keys beyond {@code properties} ({@code additionalProperties}
 * defaults to false, as in llama.cpp and llguidance). Every keyword that would constrain the output and is not
 * supported is an error naming the keyword and its place: ignoring it would produce output the schema rejects.
 */
final class JsonSchemaCompiler {

    /** Digits after the point for a number with bounds: enough for confidences like 0.8125. */
    static final int BOUNDED_FRACTION_DIGITS = 4;
    /** Longest string length bound we unroll. */
    static final int MAX_LENGTH_BOUND = 10_000;

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "default", "examples", "deprecated", "readOnly", "writeOnly", "$defs", "definitions");
    private static final Map<String, Set<String>> KEYWORDS_BY_TYPE = Map.of(
            "object", Set.of("properties", "required", "additionalProperties"),
            "array", Set.of("items", "minItems", "maxItems"),
            "string", Set.of("minLength", "maxLength", "pattern"),
            "integer", Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
            "number", Set.of("minimum", "maximum"),
            "boolean", Set.of(),
            "null", Set.of());
    private static final Set<String> STRUCTURAL = Set.of("type", "enum", "const", "anyOf", "oneOf", "$ref");

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonWhitespace whitespace;
    private final GrammarExpr ws;
    private JsonNode document;
    /** Rules by name: "root", each $ref target under its JSON pointer ("#/$defs/x"), and "any" when needed. */
    private final Map<String, GrammarExpr> rules = new LinkedHashMap<>();
    private final List<PendingOneOf> oneOfChecks = new ArrayList<>();

    private record PendingOneOf(List<GrammarExpr> options, String path) {
    }

    JsonSchemaCompiler(JsonWhitespace whitespace) {
        this.whitespace = whitespace;
        this.ws = switch (whitespace) {
            case COMPACT -> GrammarExpr.EMPTY;
            case FLEXIBLE -> GrammarExpr.optional(GrammarExpr.choice(GrammarExpr.literal(" "), GrammarExpr.seq(
                    GrammarExpr.repeat(GrammarExpr.literal("\n"), 1, 2),
                    GrammarExpr.repeat(new GrammarExpr.ByteClass(new int[] {'\t', '\t', ' ', ' '}), 0, 20))));
        };
    }

    GrammarRules compile(String schemaText) {
        try {
            document = mapper.readTree(schemaText);
        } catch (JsonProcessingException e) {
            throw new EngineException("JSON schema constraint is not valid JSON: " + e.getOriginalMessage()
                    + "; pass the schema document as text", e);
        }
        if (document == null || document.isMissingNode()) {
            throw new EngineException("JSON schema constraint is empty; pass a schema such as {\"type\":\"object\",...}");
        }
        GrammarExpr leading = whitespace == JsonWhitespace.COMPACT ? GrammarExpr.optional(GrammarExpr.literal(" ")) : ws;
        rules.put("root", GrammarExpr.seq(leading, value(document, "#")));
        GrammarRules all = new GrammarRules(rules, "root");
        for (PendingOneOf check : oneOfChecks) {
            OverlapCheck.requireDisjoint(check.options(), all, check.path());
        }
        return all;
    }

    private GrammarExpr value(JsonNode schema, String path) {
        if (schema.isBoolean()) {
            if (schema.booleanValue()) {
                return anyValue();
            }
            throw new EngineException("schema " + path + " is 'false': it matches nothing; remove it");
        }
        if (!schema.isObject()) {
            throw new EngineException("schema " + path + ": expected an object, found " + schema.getNodeType());
        }
        Set<String> keys = new LinkedHashSet<>();
        schema.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (!ANNOTATIONS.contains(key) && !STRUCTURAL.contains(key)
                    && KEYWORDS_BY_TYPE.values().stream().noneMatch(s -> s.contains(key))) {
                throw unsupported(key, path);
            }
        }
        Set<String> constraining = new LinkedHashSet<>(keys);
        constraining.removeAll(ANNOTATIONS);
        if (keys.contains("$ref")) {
            onlyWith(constraining, "$ref", path);
            return reference(schema.get("$ref"), path);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (keys.contains(combinator)) {
                onlyWith(constraining, combinator, path);
                return alternatives(schema.get(combinator), combinator, path);
            }
        }
        List<String> types = types(schema, path);
        if (keys.contains("const") || keys.contains("enum")) {
            Set<String> allowed = new HashSet<>(Set.of("const", "enum", "type"));
            for (String key : constraining) {
                if (!allowed.contains(key)) {
                    throw new EngineException("schema " + path + ": '" + key + "' together with enum/const is not "
                            + "supported; list only values that satisfy it in the enum");
                }
            }
            return literals(schema, types, path);
        }
        if (types.isEmpty()) {
            // {"properties": ...} without a type: emitting only objects is a valid subset of what it allows
            for (String key : constraining) {
                KEYWORDS_BY_TYPE.forEach((type, words) -> {
                    if (words.contains(key) && !types.contains(type) && !type.equals("number")) {
                        types.add(type);
                    }
                });
            }
            if (types.isEmpty()) {
                return anyValue();
            }
            if (types.size() > 1) {
                throw new EngineException("schema " + path + ": keywords " + constraining + " belong to types "
                        + types + "; add a 'type' to say which");
            }
        }
        for (String key : constraining) {
            if (STRUCTURAL.contains(key)) {
                continue;
            }
            if (types.stream().noneMatch(t -> KEYWORDS_BY_TYPE.get(t).contains(key))) {
                throw new EngineException("schema " + path + ": keyword '" + key + "' does not apply to type "
                        + String.join("|", types) + (key.startsWith("exclusive") && types.contains("number")
                        ? " (exclusive bounds are supported for integers only)" : "") + "; remove it or fix the type");
            }
        }
        List<GrammarExpr> options = new ArrayList<>();
        for (String type : types) {
            options.add(switch (type) {
                case "object" -> object(schema, path);
                case "array" -> array(schema, path);
                case "string" -> string(schema, path);
                case "integer" -> integer(schema, path);
                case "number" -> number(schema, path);
                case "boolean" -> GrammarExpr.choice(GrammarExpr.literal("true"), GrammarExpr.literal("false"));
                case "null" -> GrammarExpr.literal("null");
                default -> throw new IllegalStateException(type);
            });
        }
        return GrammarExpr.choice(options);
    }

    private List<String> types(JsonNode schema, String path) {
        JsonNode type = schema.get("type");
        List<String> types = new ArrayList<>();
        if (type == null) {
            return types;
        }
        if (type.isTextual()) {
            types.add(type.textValue());
        } else if (type.isArray() && !type.isEmpty()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            throw new EngineException("schema " + path + "/type: expected a type name or a non-empty array of them, "
                    + "found " + type);
        }
        for (String t : types) {
            if (!KEYWORDS_BY_TYPE.containsKey(t)) {
                throw new EngineException("schema " + path + "/type: unknown type '" + t + "'; expected one of "
                        + KEYWORDS_BY_TYPE.keySet());
            }
        }
        return types;
    }

    private GrammarExpr reference(JsonNode ref, String path) {
        String target = ref.asText();
        if (!target.startsWith("#")) {
            throw new EngineException("schema " + path + "/$ref: only local references (#/$defs/...) are supported, "
                    + "found '" + target + "'; inline the external schema");
        }
        if (!rules.containsKey(target)) {
            JsonNode resolved = document.at(target.substring(1)); // a JSON pointer; at() undoes ~0 and ~1
            if (resolved.isMissingNode()) {
                throw new EngineException("schema " + path + "/$ref: '" + target + "' points to nothing in the "
                        + "document");
            }
            rules.put(target, GrammarExpr.EMPTY); // placeholder: a recursive $ref inside refers to the rule
            rules.put(target, value(resolved, target));
        }
        return new GrammarExpr.RuleRef(target);
    }

    /** Any JSON value (recursive; objects with any keys in any order). */
    private GrammarExpr anyValue() {
        if (!rules.containsKey("any")) {
            GrammarExpr any = new GrammarExpr.RuleRef("any");
            GrammarExpr string = JsonStrings.quoted(GrammarExpr.repeat(JsonStrings.character(), 0, GrammarExpr.UNBOUNDED));
            GrammarExpr member = GrammarExpr.seq(string, ws, GrammarExpr.literal(":"), ws, any, ws);
            GrammarExpr comma = GrammarExpr.seq(GrammarExpr.literal(","), ws);
            GrammarExpr object = GrammarExpr.seq(GrammarExpr.literal("{"), ws, GrammarExpr.optional(GrammarExpr.seq(
                    member, GrammarExpr.repeat(GrammarExpr.seq(comma, member), 0, GrammarExpr.UNBOUNDED))),
                    GrammarExpr.literal("}"));
            GrammarExpr element = GrammarExpr.seq(any, ws);
            GrammarExpr array = GrammarExpr.seq(GrammarExpr.literal("["), ws, GrammarExpr.optional(GrammarExpr.seq(
                    element, GrammarExpr.repeat(GrammarExpr.seq(comma, element), 0, GrammarExpr.UNBOUNDED))),
                    GrammarExpr.literal("]"));
            rules.put("any", GrammarExpr.choice(object, array, string, unboundedNumber(),
                    GrammarExpr.literal("true"), GrammarExpr.literal("false"), GrammarExpr.literal("null")));
        }
        return new GrammarExpr.RuleRef("any");
    }

    private GrammarExpr alternatives(JsonNode list, String keyword, String path) {
        if (!list.isArray() || list.isEmpty()) {
            throw new EngineException("schema " + path + "/" + keyword + ": expected a non-empty array of schemas");
        }
        List<GrammarExpr> options = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            options.add(value(list.get(i), path + "/" + keyword + "/" + i));
        }
        if (keyword.equals("oneOf")) {
            oneOfChecks.add(new PendingOneOf(options, path + "/oneOf")); // once every rule it refers to exists
        }
        return GrammarExpr.choice(options);
    }

    private GrammarExpr literals(JsonNode schema, List<String> types, String path) {
        List<JsonNode> values = new ArrayList<>();
        if (schema.has("const")) {
            values.add(schema.get("const"));
        }
        if (schema.has("enum")) {
            JsonNode e = schema.get("enum");
            if (!e.isArray() || e.isEmpty()) {
                throw new EngineException("schema " + path + "/enum: expected a non-empty array of values");
            }
            List<JsonNode> enumValues = new ArrayList<>();
            e.forEach(enumValues::add);
            if (values.isEmpty()) {
                values.addAll(enumValues);
            } else {
                values.removeIf(v -> !enumValues.contains(v));
            }
        }
        values.removeIf(v -> !types.isEmpty() && types.stream().noneMatch(t -> hasType(v, t)));
        if (values.isEmpty()) {
            throw new EngineException("schema " + path + ": no enum/const value satisfies the schema's type "
                    + types + "; fix the values or the type");
        }
        List<GrammarExpr> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode v : values) {
            try {
                String text = mapper.writeValueAsString(v);
                if (seen.add(text)) {
                    options.add(GrammarExpr.literal(text));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return GrammarExpr.choice(options);
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && isInteger(v.decimalValue()));
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> false;
        };
    }

    private GrammarExpr object(JsonNode schema, String path) {
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && !(additional.isBoolean() && !additional.booleanValue())) {
            throw new EngineException("schema " + path + "/additionalProperties: only false is supported (seekfix "
                    + "emits exactly the declared properties), found " + additional + "; set it to false or remove it");
        }
        JsonNode properties = schema.get("properties");
        List<String> names = new ArrayList<>();
        if (properties != null) {
            if (!properties.isObject()) {
                throw new EngineException("schema " + path + "/properties: expected an object of schemas");
            }
            properties.fieldNames().forEachRemaining(names::add);
        }
        Set<String> required = new HashSet<>();
        JsonNode req = schema.get("required");
        if (req != null) {
            if (!req.isArray()) {
                throw new EngineException("schema " + path + "/required: expected an array of property names");
            }
            for (JsonNode r : req) {
                if (!names.contains(r.asText())) {
                    throw new EngineException("schema " + path + "/required: '" + r.asText() + "' is not in "
                            + "properties " + names + "; seekfix cannot emit undeclared keys, declare it");
                }
                required.add(r.asText());
            }
        }
        int n = names.size();
        List<GrammarExpr> members = new ArrayList<>(); // [n] `"key": value` followed by whitespace
        for (String name : names) {
            String key = quote(name);
            members.add(GrammarExpr.seq(GrammarExpr.literal(key), ws, GrammarExpr.literal(":"), ws,
                    value(properties.get(name), path + "/properties/" + name), ws));
        }
        GrammarExpr separator = GrammarExpr.seq(GrammarExpr.literal(","), ws);
        // rest[i]: members i..n-1 after at least one member, each with its comma
        GrammarExpr[] rest = new GrammarExpr[n + 1];
        rest[n] = GrammarExpr.EMPTY;
        // first[i]: members i..n-1 before any member was written (no comma before the first one written)
        GrammarExpr first = GrammarExpr.EMPTY;
        for (int i = n - 1; i >= 0; i--) {
            GrammarExpr withComma = GrammarExpr.seq(separator, members.get(i));
            boolean isRequired = required.contains(names.get(i));
            rest[i] = GrammarExpr.seq(isRequired ? withComma : GrammarExpr.optional(withComma), rest[i + 1]);
            GrammarExpr startsHere = GrammarExpr.seq(members.get(i), rest[i + 1]);
            first = isRequired ? startsHere : GrammarExpr.choice(startsHere, first);
        }
        return GrammarExpr.seq(GrammarExpr.literal("{"), ws, first, GrammarExpr.literal("}"));
    }

    private GrammarExpr array(JsonNode schema, String path) {
        JsonNode items = schema.get("items");
        if (items == null) {
            items = com.fasterxml.jackson.databind.node.BooleanNode.TRUE;
        }
        int min = count(schema, "minItems", 0, path);
        int max = count(schema, "maxItems", GrammarExpr.UNBOUNDED, path);
        if (max != GrammarExpr.UNBOUNDED && max < min) {
            throw new EngineException("schema " + path + ": maxItems " + max + " < minItems " + min);
        }
        GrammarExpr open = GrammarExpr.seq(GrammarExpr.literal("["), ws);
        if (max == 0) {
            return GrammarExpr.seq(open, GrammarExpr.literal("]"));
        }
        GrammarExpr element = GrammarExpr.seq(value(items, path + "/items"), ws);
        GrammarExpr more = GrammarExpr.repeat(GrammarExpr.seq(GrammarExpr.literal(","), ws, element),
                Math.max(min - 1, 0), max == GrammarExpr.UNBOUNDED ? GrammarExpr.UNBOUNDED : max - 1);
        GrammarExpr elements = GrammarExpr.seq(element, more);
        return GrammarExpr.seq(open, min == 0 ? GrammarExpr.optional(elements) : elements, GrammarExpr.literal("]"));
    }

    private GrammarExpr string(JsonNode schema, String path) {
        int min = count(schema, "minLength", 0, path);
        int max = count(schema, "maxLength", GrammarExpr.UNBOUNDED, path);
        if (max != GrammarExpr.UNBOUNDED && max < min) {
            throw new EngineException("schema " + path + ": maxLength " + max + " < minLength " + min);
        }
        if (Math.max(min, max) > MAX_LENGTH_BOUND) {
            throw new EngineException("schema " + path + ": length bounds above " + MAX_LENGTH_BOUND
                    + " are not supported (each counted character is unrolled); lower them or drop maxLength");
        }
        if (schema.has("pattern")) {
            if (schema.has("minLength") || schema.has("maxLength")) {
                throw new EngineException("schema " + path + ": pattern together with minLength/maxLength is not "
                        + "supported; put the length into the pattern, e.g. ^.{1,40}$");
            }
            return JsonStrings.quoted(new JsonPattern(schema.get("pattern").asText(), path + "/pattern").compile());
        }
        return JsonStrings.quoted(GrammarExpr.repeat(JsonStrings.character(), min, max));
    }

    private GrammarExpr integer(JsonNode schema, String path) {
        long lo = -DecimalRanges.MAX_MAGNITUDE;
        long hi = DecimalRanges.MAX_MAGNITUDE;
        if (schema.has("minimum")) {
            lo = Math.max(lo, bound(schema, "minimum", path, true));
        }
        if (schema.has("exclusiveMinimum")) {
            lo = Math.max(lo, bound(schema, "exclusiveMinimum", path, true) + 1);
        }
        if (schema.has("maximum")) {
            hi = Math.min(hi, bound(schema, "maximum", path, false));
        }
        if (schema.has("exclusiveMaximum")) {
            hi = Math.min(hi, bound(schema, "exclusiveMaximum", path, false) - 1);
        }
        if (lo > hi) {
            throw new EngineException("schema " + path + ": no integer lies between the minimum and maximum");
        }
        return DecimalRanges.integers(lo, hi);
    }

    private GrammarExpr number(JsonNode schema, String path) {
        if (!schema.has("minimum") && !schema.has("maximum")) {
            return unboundedNumber();
        }
        long lo = schema.has("minimum") ? exactBound(schema, "minimum", path) : -DecimalRanges.MAX_MAGNITUDE;
        long hi = schema.has("maximum") ? exactBound(schema, "maximum", path) : DecimalRanges.MAX_MAGNITUDE;
        if (lo > hi) {
            throw new EngineException("schema " + path + ": minimum " + lo + " > maximum " + hi);
        }
        return DecimalRanges.decimals(lo, hi, BOUNDED_FRACTION_DIGITS);
    }

    /** llama.cpp's number rule: ("-"? integral-part) ("." decimal-part)? ([eE] [-+]? integral-part)? */
    private static GrammarExpr unboundedNumber() {
        GrammarExpr digit = GrammarExpr.bytes('0', '9');
        GrammarExpr integral = GrammarExpr.choice(GrammarExpr.literal("0"), GrammarExpr.seq(
                GrammarExpr.bytes('1', '9'), GrammarExpr.repeat(digit, 0, DecimalRanges.MAX_DIGITS - 1)));
        return GrammarExpr.seq(GrammarExpr.optional(GrammarExpr.literal("-")), integral,
                GrammarExpr.optional(GrammarExpr.seq(GrammarExpr.literal("."),
                        GrammarExpr.repeat(digit, 1, DecimalRanges.MAX_DIGITS))),
                GrammarExpr.optional(GrammarExpr.seq(new GrammarExpr.ByteClass(new int[] {'E', 'E', 'e', 'e'}),
                        GrammarExpr.optional(new GrammarExpr.ByteClass(new int[] {'+', '+', '-', '-'})),
                        GrammarExpr.repeat(digit, 1, 3))));
    }

    private static long exactBound(JsonNode schema, String key, String path) {
        JsonNode v = schema.get(key);
        if (!v.isNumber() || !isInteger(v.decimalValue())) {
            throw new EngineException("schema " + path + "/" + key + ": number bounds must be whole numbers "
                    + "(e.g. 0 and 1 for a confidence), found " + v + "; use integer bounds or an enum");
        }
        return clamp(v.decimalValue());
    }

    private static long bound(JsonNode schema, String key, String path, boolean lower) {
        JsonNode v = schema.get(key);
        if (!v.isNumber()) {
            throw new EngineException("schema " + path + "/" + key + ": expected a number, found " + v);
        }
        BigDecimal d = v.decimalValue();
        BigDecimal rounded = d.setScale(0, lower ? java.math.RoundingMode.CEILING : java.math.RoundingMode.FLOOR);
        return clamp(rounded);
    }

    private static long clamp(BigDecimal d) {
        BigDecimal max = BigDecimal.valueOf(DecimalRanges.MAX_MAGNITUDE);
        return d.max(max.negate()).min(max).longValueExact();
    }

    private static boolean isInteger(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static int count(JsonNode schema, String key, int absent, String path) {
        JsonNode v = schema.get(key);
        if (v == null) {
            return absent;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0) {
            throw new EngineException("schema " + path + "/" + key + ": expected a non-negative integer, found " + v);
        }
        return v.intValue();
    }

    private void onlyWith(Set<String> constraining, String keyword, String path) {
        for (String key : constraining) {
            if (!key.equals(keyword)) {
                throw new EngineException("schema " + path + ": '" + key + "' beside '" + keyword + "' is not "
                        + "supported; move it into the " + keyword + " target(s)");
            }
        }
    }

    private String quote(String name) {
        try {
            return mapper.writeValueAsString(name);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EngineException unsupported(String key, String path) {
        return new EngineException("schema " + path + ": keyword '" + key + "' is not supported by constrained "
                + "decoding; supported: type, properties, required, additionalProperties:false, items, minItems, "
                + "maxItems, minLength, maxLength, pattern, minimum, maximum, exclusiveMinimum/Maximum (integers), "
                + "enum, const, anyOf, oneOf, $ref to $defs. Remove it or restate it with those");
    }
}
