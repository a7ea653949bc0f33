package dev.seekfix.webhooks.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few fields the intake reads from a payload: action, installation and repository. Everything else is the
 * handler's business. Parsing is lenient: absent fields are null (payloads evolve; GITHUB.md).
 */
public record PayloadFacts(String action, Long installationId, String repository) {

    /** @throws MalformedPayloadException when the body is not a JSON object */
    public static PayloadFacts read(ObjectMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new MalformedPayloadException("body is not valid JSON: " + firstLine(e.getMessage()));
        } catch (java.io.IOException e) {
            throw new MalformedPayloadException("body could not be read as JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("body must be a JSON object, found "
                    + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        JsonNode action = root.path("action");
        JsonNode installation = root.path("installation").path("id");
        JsonNode repository = root.path("repository").path("full_name");
        return new PayloadFacts(
                action.isTextual() ? action.asText() : null,
                installation.canConvertToLong() ? installation.asLong() : null,
                repository.isTextual() ? repository.asText() : null);
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
