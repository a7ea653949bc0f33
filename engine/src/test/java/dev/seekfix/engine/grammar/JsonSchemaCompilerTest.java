package dev.seekfix.engine.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seekfix.engine.api.EngineException;
import org.junit.jupiter.api.Test;

class JsonSchemaCompilerTest {

    @Test
    void objectKeepsPropertyOrderAndSkipsOptionalKeys() {
        Automata a = Automata.schema("""
                {"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"boolean"},"c":{"type":"null"}},
                 "required":["b"]}""");
        assertThat(a.matches("{\"b\":true}")).isTrue();
        assertThat(a.matches("{\"a\":1,\"b\":false}")).isTrue();
        assertThat(a.matches("{\"a\":1,\"b\":false,\"c\":null}")).isTrue();
        assertThat(a.matches("{\"b\":false,\"c\":null}")).isTrue();
        assertThat(a.matches("{\"b\":true,\"a\":1}")).as("schema order").isFalse();
        assertThat(a.matches("{\"a\":1}")).as("required key missing").isFalse();
        assertThat(a.matches("{\"b\":true,}")).as("trailing comma").isFalse();
        assertThat(a.matches("{\"b\":true,\"d\":1}")).as("additional key").isFalse();
        assertThat(a.matches("{}")).isFalse();
    }

    @Test
    void allOptionalObjectAllowsEveryOrderedSubset() {
        Automata a = Automata.schema("""
                {"type":"object","properties":{"x":{"const":1},"y":{"const":2},"z":{"const":3}}}""");
        for (String ok : new String[] {"{}", "{\"x\":1}", "{\"y\":2}", "{\"z\":3}", "{\"x\":1,\"z\":3}",
                "{\"y\":2,\"z\":3}", "{\"x\":1,\"y\":2,\"z\":3}"}) {
            assertThat(a.matches(ok)).as(ok).isTrue();
        }
        assertThat(a.matches("{,\"y\":2}")).isFalse();
        assertThat(a.matches("{\"x\":1\"y\":2}")).isFalse();
    }

    @Test
    void stringsAllowEscapesAndUtf8ButNotRawControlCharacters() {
        Automata a = Automata.schema("{\"type\":\"string\"}");
        assertThat(a.matches("\"plain\"")).isTrue();
        assertThat(a.matches("\"q\\\"uote \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\uFFFF\"")).isTrue();
        assertThat(a.matches("\"Müller 漢字 😀\"")).isTrue();
        assertThat(a.matches("\"a\nb\"")).isFalse();
        assertThat(a.matches("\"\\x41\"")).isFalse();
        assertThat(a.matches("\"\\ud83d\\ude00\"")).as("surrogate escapes").isFalse();
        assertThat(a.matches("\"unterminated")).isFalse();
        assertThat(a.matches("\"a\"b\"")).isFalse();
    }

    @Test
    void stringLengthCountsCharactersNotBytes() {
        Automata a = Automata.schema("{\"type\":\"string\",\"minLength\":2,\"maxLength\":3}");
        assertThat(a.matches("\"ab\"")).isTrue();
        assertThat(a.matches("\"漢字😀\"")).isTrue();
        assertThat(a.matches("\"a\\nb\"")).isTrue();
        assertThat(a.matches("\"a\"")).isFalse();
        assertThat(a.matches("\"abcd\"")).isFalse();
    }

    @Test
    void integerBoundsAndNullableTypes() {
        Automata a = Automata.schema("{\"type\":[\"integer\",\"null\"],\"minimum\":1,\"maximum\":500}");
        assertThat(a.matches("1")).isTrue();
        assertThat(a.matches("500")).isTrue();
        assertThat(a.matches("null")).isTrue();
        assertThat(a.matches("0")).isFalse();
        assertThat(a.matches("501")).isFalse();
        assertThat(a.matches("-1")).isFalse();
        Automata exclusive = Automata.schema("{\"type\":\"integer\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":3}");
        assertThat(exclusive.matches("1")).isTrue();
        assertThat(exclusive.matches("2")).isTrue();
        assertThat(exclusive.matches("0")).isFalse();
        assertThat(exclusive.matches("3")).isFalse();
    }

    @Test
    void unboundedNumbersFollowJsonGrammar() {
        Automata a = Automata.schema("{\"type\":\"number\"}");
        for (String ok : new String[] {"0", "-0", "12", "-3.25", "1e5", "2.5E-3", "0.000001"}) {
            assertThat(a.matches(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {"01", ".5", "1.", "+1", "1e", "NaN", "--1"}) {
            assertThat(a.matches(bad)).as(bad).isFalse();
        }
    }

    @Test
    void arraysRespectItemCounts() {
        Automata a = Automata.schema("{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"minItems\":1,\"maxItems\":3}");
        assertThat(a.matches("[1]")).isTrue();
        assertThat(a.matches("[1,2,3]")).isTrue();
        assertThat(a.matches("[]")).isFalse();
        assertThat(a.matches("[1,2,3,4]")).isFalse();
        assertThat(a.matches("[1,]")).isFalse();
        Automata any = Automata.schema("{\"type\":\"array\",\"items\":{\"type\":\"boolean\"}}");
        assertThat(any.matches("[]")).isTrue();
        assertThat(any.matches("[true,false,true,true,false]")).isTrue();
    }

    @Test
    void enumAndConstOfAnyJsonValue() {
        Automata a = Automata.schema("{\"enum\":[\"LEFT\",\"RIGHT\",3,null,{\"k\":[1,2]},true]}");
        for (String ok : new String[] {"\"LEFT\"", "\"RIGHT\"", "3", "null", "{\"k\":[1,2]}", "true"}) {
            assertThat(a.matches(ok)).as(ok).isTrue();
        }
        assertThat(a.matches("\"UP\"")).isFalse();
        assertThat(a.matches("false")).isFalse();
        Automata typed = Automata.schema("{\"type\":\"string\",\"enum\":[\"a\",1]}");
        assertThat(typed.matches("\"a\"")).isTrue();
        assertThat(typed.matches("1")).as("enum value of the wrong type").isFalse();
    }

    @Test
    void anyOfAndLocalReferences() {
        Automata a = Automata.schema("""
                {"$defs":{"pos":{"type":"integer","minimum":1}},
                 "anyOf":[{"$ref":"#/$defs/pos"},{"type":"string","maxLength":2}]}""");
        assertThat(a.matches("7")).isTrue();
        assertThat(a.matches("\"ab\"")).isTrue();
        assertThat(a.matches("0")).isFalse();
        assertThat(a.matches("\"abc\"")).isFalse();
    }

    @Test
    void oneOfWithDisjointAlternativesCompilesAndOverlappingOnesAreRefused() {
        Automata a = Automata.schema("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}");
        assertThat(a.matches("\"x\"")).isTrue();
        assertThat(a.matches("5")).isTrue();
        assertThatThrownBy(() -> Automata.schema(
                "{\"oneOf\":[{\"type\":\"integer\",\"maximum\":10},{\"type\":\"integer\",\"minimum\":5}]}"))
                .isInstanceOf(EngineException.class).hasMessageContaining("#/oneOf").hasMessageContaining("anyOf");
    }

    @Test
    void patternsAreAnchoredOnlyWhereTheySayAndJsonEncoded() {
        Automata a = Automata.schema("{\"type\":\"string\",\"pattern\":\"^[A-Z]{2,3}-\\\\d+(\\\\.[0-9]+)?$\"}");
        assertThat(a.matches("\"AB-12\"")).isTrue();
        assertThat(a.matches("\"ABC-1.50\"")).isTrue();
        assertThat(a.matches("\"A-1\"")).isFalse();
        assertThat(a.matches("\"AB-12x\"")).isFalse();
        Automata unanchored = Automata.schema("{\"type\":\"string\",\"pattern\":\"ab\"}");
        assertThat(unanchored.matches("\"xxabyy\"")).isTrue();
        assertThat(unanchored.matches("\"xxa\"")).isFalse();
        Automata quote = Automata.schema("{\"type\":\"string\",\"pattern\":\"^[^a-z]$\"}");
        assertThat(quote.matches("\"\\\"\"")).as("a quote is written escaped").isTrue();
        assertThat(quote.matches("\"\\n\"")).isTrue();
        assertThat(quote.matches("\"a\"")).isFalse();
    }

    @Test
    void flexibleWhitespaceIsBounded() {
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}},"
                + "\"required\":[\"a\"]}";
        Automata a = Automata.schema(schema, JsonWhitespace.FLEXIBLE);
        assertThat(a.matches("{\n  \"a\" : [ 1 , 2 ]\n}")).isTrue();
        assertThat(a.matches(" {\"a\":[]}")).isTrue();
        assertThat(a.matches("{" + "\n".repeat(2) + " ".repeat(20) + "\"a\":[]}")).isTrue();
        assertThat(a.matches("{" + "\n".repeat(3) + "\"a\":[]}")).isFalse();
        assertThat(a.matches("{" + " ".repeat(2) + "\"a\":[]}")).isFalse();
        assertThat(a.matches("{\"a\":[]} ")).as("nothing after the root value").isFalse();
        Automata compact = Automata.schema(schema);
        assertThat(compact.matches(" {\"a\":[1]}")).isTrue();
        assertThat(compact.matches("{ \"a\":[1]}")).isFalse();
    }

    @Test
    void recursiveReferencesNestToAnyDepth() {
        Automata a = Automata.schema("""
                {"$defs":{"node":{"type":"object","properties":{"v":{"type":"integer"},
                  "kids":{"type":"array","items":{"$ref":"#/$defs/node"}}},"required":["v"]}},
                 "$ref":"#/$defs/node"}""");
        assertThat(a.matches("{\"v\":1}")).isTrue();
        assertThat(a.matches("{\"v\":1,\"kids\":[{\"v\":2},{\"v\":3,\"kids\":[{\"v\":4,\"kids\":[]}]}]}")).isTrue();
        String deep = "{\"v\":0,\"kids\":[".repeat(50) + "{\"v\":9}" + "]}".repeat(50);
        assertThat(a.matches(deep)).isTrue();
        assertThat(a.matches(deep.substring(0, deep.length() - 1))).isFalse();
        assertThat(a.matches("{\"v\":1,\"kids\":[{\"kids\":[]}]}")).as("inner node without v").isFalse();
    }

    @Test
    void anyValueSchemasAcceptEveryJsonValue() {
        Automata any = Automata.schema("{}");
        for (String ok : new String[] {"1", "\"s\"", "null", "[1,[2,{}]]", "{\"a\":{\"b\":[true,false]},\"a\":-1.5e3}"}) {
            assertThat(any.matches(ok)).as(ok).isTrue();
        }
        assertThat(any.matches("[1,]")).isFalse();
        assertThat(any.matches("{\"a\"}")).isFalse();
        Automata array = Automata.schema("{\"type\":\"array\",\"maxItems\":2}");
        assertThat(array.matches("[{\"x\":[]},\"y\"]")).isTrue();
        assertThat(array.matches("[1,2,3]")).isFalse();
        Automata untyped = Automata.schema("{\"properties\":{\"a\":true},\"required\":[\"a\"]}");
        assertThat(untyped.matches("{\"a\":[null]}")).as("type inferred from properties").isTrue();
    }

    @Test
    void refusesUnsupportedKeywordsNamingKeywordAndPlace() {
        assertRefused("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"format\":\"uri\"}}}",
                "'format'", "#/properties/a");
        assertRefused("{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"uniqueItems\":true}", "'uniqueItems'", "#");
        assertRefused("{\"allOf\":[{\"type\":\"integer\"}]}", "'allOf'", "#");
        assertRefused("{\"type\":\"object\",\"additionalProperties\":true}", "additionalProperties", "#");
        assertRefused("{\"type\":\"number\",\"minimum\":0.5}", "whole numbers", "#/minimum");
        assertRefused("{\"type\":\"string\",\"minimum\":1}", "'minimum'", "does not apply");
        assertRefused("{\"type\":\"object\",\"properties\":{},\"required\":[\"x\"]}", "'x'", "#/required");
        assertRefused("{\"$ref\":\"#/$defs/missing\"}", "points to nothing", "#/$defs/missing");
        assertRefused("{\"$ref\":\"other.json#/x\"}", "only local references", "#/$ref");
        assertRefused("{\"type\":\"string\",\"pattern\":\"(?=a)\"}", "lookaround", "#/pattern");
        assertRefused("not json", "not valid JSON", "schema");
        assertRefused("{\"type\":\"integer\",\"minimum\":5,\"maximum\":1}", "no integer", "#");
    }

    private static void assertRefused(String schema, String... fragments) {
        var thrown = assertThatThrownBy(() -> Automata.schema(schema)).isInstanceOf(EngineException.class);
        for (String f : fragments) {
            thrown.hasMessageContaining(f);
        }
    }
}
