package dev.seekfix.bot.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seekfix.bot.retry.RetryAfter;
import dev.seekfix.bot.retry.Sleeper;
import dev.seekfix.engine.api.ChatMessage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An OpenAI-compatible chat completions server: vLLM, SGLang, Ollama, the DeepSeek API. JSON answers are asked
 * for with {@code response_format: {type: json_schema}} (vLLM and SGLang decode under it; others may ignore it,
 * which {@link RepairingCodeModel} covers). A server that refuses the field with 400 is asked again without it,
 * and not sent it again.
 */
public final class OpenAiCompatibleCodeModel implements CodeModel {

    /** Where and how to reach the server. */
    public record Endpoint(URI baseUrl, String modelName, Optional<String> apiKey, int contextTokens,
                           Duration timeout, int maxAttempts) {
        public Endpoint {
            if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, found " + maxAttempts);
            if (contextTokens < 256) {
                throw new IllegalArgumentException("contextTokens must be >= 256, found " + contextTokens);
            }
        }

        URI chatCompletions() {
            String base = baseUrl.toString().replaceAll("/+$", "");
            return URI.create(base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions");
        }
    }

    private final Endpoint endpoint;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Sleeper sleeper;
    private final Clock clock;
    private final AtomicBoolean serverRefusesResponseFormat = new AtomicBoolean();

    public OpenAiCompatibleCodeModel(Endpoint endpoint, HttpClient http, ObjectMapper json, Sleeper sleeper, Clock clock) {
        this.endpoint = endpoint;
        this.http = http;
        this.json = json;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        boolean withFormat = request.jsonSchema().isPresent() && !serverRefusesResponseFormat.get();
        HttpResponse<String> response = send(body(request, withFormat));
        if (withFormat && (response.statusCode() == 400 || response.statusCode() == 422)) {
            serverRefusesResponseFormat.set(true);
            response = send(body(request, false));
        }
        if (response.statusCode() / 100 != 2) {
            throw new ModelException("model server %s answered HTTP %d to POST %s: %s; check SEEKFIX_MODEL, SEEKFIX_MODEL_NAME and SEEKFIX_MODEL_API_KEY"
                    .formatted(endpoint.baseUrl(), response.statusCode(), endpoint.chatCompletions(),
                            excerpt(response.body())), false);
        }
        return parse(response.body(), request);
    }

    private String body(ModelRequest request, boolean withFormat) {
        ObjectNode body = json.createObjectNode();
        body.put("model", endpoint.modelName());
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
        }
        body.put("max_tokens", request.maxTokens());
        body.put("temperature", 0);
        body.put("stream", false);
        if (withFormat) {
            ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            schema.put("name", "answer");
            schema.put("strict", true);
            try {
                schema.set("schema", json.readTree(request.jsonSchema().orElseThrow()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the JSON schema of a model request is not JSON", e);
            }
        }
        return body.toString();
    }

    private HttpResponse<String> send(String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.chatCompletions())
                .timeout(endpoint.timeout())
                .version(HttpClient.Version.HTTP_1_1) // local servers speak plain HTTP/1.1; an h2c upgrade on POST only costs time
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        endpoint.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        HttpRequest httpRequest = builder.build();
        String lastProblem = "";
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                HttpResponse<String> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                boolean transientStatus = status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
                if (!transientStatus) return response;
                lastProblem = "HTTP " + status;
                wait = RetryAfter.retryAfter(response.headers(), clock).orElse(backoff(attempt));
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelException("interrupted while waiting for model server " + endpoint.baseUrl(), true, e);
            }
            if (attempt >= endpoint.maxAttempts()) {
                throw new ModelException("model server %s did not answer after %d attempts (last: %s); is it running and reachable?"
                        .formatted(endpoint.baseUrl(), attempt, lastProblem), true);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelException("interrupted while waiting for model server " + endpoint.baseUrl(), true, e);
            }
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(1L << Math.min(attempt - 1, 5));
    }

    private ModelReply parse(String responseBody, ModelRequest request) {
        JsonNode root;
        try {
            root = json.readTree(responseBody);
        } catch (JsonProcessingException e) {
            throw new ModelException("model server %s answered with a body that is not JSON: %s"
                    .formatted(endpoint.baseUrl(), excerpt(responseBody)), false, e);
        }
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new ModelException("model server %s answered without choices[0].message.content: %s"
                    .formatted(endpoint.baseUrl(), excerpt(responseBody)), false);
        }
        String text = content.asText();
        JsonNode usage = root.path("usage");
        long promptTokens = usage.path("prompt_tokens").asLong(estimatePrompt(request));
        long completionTokens = usage.path("completion_tokens").asLong(countTokens(text));
        return new ModelReply(text, TokenUsage.ofOneCall(promptTokens, completionTokens));
    }

    private long estimatePrompt(ModelRequest request) {
        return request.messages().stream().mapToLong(m -> countTokens(m.content())).sum();
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    @Override
    public String label() {
        return "%s (OpenAI-compatible server %s)".formatted(endpoint.modelName(), endpoint.baseUrl().getHost());
    }

    @Override
    public int contextTokens() {
        return endpoint.contextTokens();
    }

    /** No tokenizer here: about 3 characters a token for code (a safe side of DeepSeek's ~3.5). */
    @Override
    public int countTokens(String text) {
        return (text.length() + 2) / 3;
    }
}
