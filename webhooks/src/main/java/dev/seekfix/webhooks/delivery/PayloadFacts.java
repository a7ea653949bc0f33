package dev.seekfix.webhooks.delivery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The few fields the intake reads from a payload: action, installation and repository. Everything else is the
 * handler's business. One streaming pass checks the whole body is a JSON object without building a tree.
 * Parsing is lenient: absent fields are null (payloads evolve; GITHUB.md).
 */
public record PayloadFacts(String action, Long installationId, String repository) {

    /** @throws MalformedPayloadException when the body is not one well-formed JSON object */
    public static PayloadFacts read(JsonFactory json, byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedPayloadException("body must be a JSON object, found "
                        + (first == null ? "nothing" : first.asString() == null ? first.name() : "'" + first.asString() + "'"));
            }
            String action = null;
            Long installation = null;
            String repository = null;
            // path[1] is the top-level field being read, path[2] the field inside it.
            String[] path = new String[3];
            int depth = 1;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth <= 2) path[depth] = parser.currentName();
                    }
                    case VALUE_STRING -> {
                        if (depth == 1 && "action".equals(path[1])) action = parser.getText();
                        else if (depth == 2 && "repository".equals(path[1]) && "full_name".equals(path[2])) repository = parser.getText();
                    }
                    case VALUE_NUMBER_INT -> {
                        if (depth == 2 && "installation".equals(path[1]) && "id".equals(path[2])) installation = parser.getLongValue();
                    }
                    default -> { }
                }
                if (depth == 0) {
                    if (parser.nextToken() != null) throw new MalformedPayloadException("body has content after its JSON object");
                    return new PayloadFacts(action, installation, repository);
                }
            }
            throw new MalformedPayloadException("body is not valid JSON: it ends inside the object");
        } catch (IOException e) {
            throw new MalformedPayloadException("body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The body is not a JSON object: a 400. */
    public static final class MalformedPayloadException extends RuntimeException {
        public MalformedPayloadException(String message) {
            super(message);
        }
    }
}
