package dev.seekfix.engine.grammar;

/** The review bot's findings schema, verbatim from the bot's contract. */
final class FindingsSchema {

    static final String TEXT = """
            {"type":"object","properties":{"findings":{"type":"array","maxItems":20,"items":{"type":"object",\
            "properties":{"path":{"type":"string"},"start_line":{"type":["integer","null"]},\
            "line":{"type":"integer","minimum":1},"side":{"enum":["LEFT","RIGHT"]},\
            "severity":{"enum":["critical","major","minor","nit"]},"category":{"type":"string"},\
            "confidence":{"type":"number","minimum":0,"maximum":1},"title":{"type":"string","maxLength":120},\
            "body":{"type":"string"},"suggestion":{"type":["string","null"]}},\
            "required":["path","line","side","severity","category","confidence","title","body"],\
            "additionalProperties":false}}},"required":["findings"],"additionalProperties":false}""";

    private FindingsSchema() {
    }
}
