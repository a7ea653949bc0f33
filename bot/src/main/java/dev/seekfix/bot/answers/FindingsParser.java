package dev.seekfix.bot.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.diff.Side;
import dev.seekfix.bot.model.JsonAnswerCheck;
import dev.seekfix.bot.model.MalformedAnswerException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a model answer into findings, after checking it against {@code schemas/findings.schema.json}. */
public final class FindingsParser {
    public static final String SCHEMA_RESOURCE = "/schemas/findings.schema.json";

    private final JsonAnswerCheck check;
    private final String schema;

    public FindingsParser(ObjectMapper json) {
        this.check = new JsonAnswerCheck(json);
        this.schema = schemaText();
    }

    public static String schemaText() {
        try (InputStream in = FindingsParser.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + SCHEMA_RESOURCE + " is missing from the bot jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String schema() {
        return schema;
    }

    public List<Finding> parse(String answer) {
        return switch (check.check(answer, schema)) {
            case JsonAnswerCheck.Result.Invalid invalid ->
                    throw new MalformedAnswerException("the review answer is not valid findings JSON: " + invalid.problem(), answer);
            case JsonAnswerCheck.Result.Valid valid -> toFindings(valid.value());
        };
    }

    private static List<Finding> toFindings(JsonNode root) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : root.path("findings")) {
            JsonNode start = f.get("start_line");
            JsonNode suggestion = f.get("suggestion");
            findings.add(new Finding(
                    f.path("path").asText().replaceFirst("^/+", ""),
                    start == null || start.isNull() ? null : start.asInt(),
                    f.path("line").asInt(),
                    Side.valueOf(f.path("side").asText()),
                    Finding.Severity.valueOf(f.path("severity").asText().toUpperCase(Locale.ROOT)),
                    f.path("category").asText(),
                    f.path("confidence").asDouble(),
                    f.path("title").asText().strip(),
                    f.path("body").asText().strip(),
                    suggestion == null || suggestion.isNull() ? null : suggestion.asText()));
        }
        return findings;
    }
}
