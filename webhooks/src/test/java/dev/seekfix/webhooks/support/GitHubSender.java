package dev.seekfix.webhooks.support;

import dev.seekfix.webhooks.signature.SignatureVerifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Posts webhooks the way GitHub does: signed raw body, event and delivery headers. */
public final class GitHubSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final SignatureVerifier signer;

    public GitHubSender(int port, String secret) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/webhooks/github");
        this.signer = new SignatureVerifier(secret);
    }

    public HttpResponse<String> send(String event, byte[] body) {
        return send(event, UUID.randomUUID().toString(), body);
    }

    public HttpResponse<String> send(String event, String delivery, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", delivery);
        headers.put("X-Hub-Signature-256", signer.sign(body));
        return raw(headers, body);
    }

    /** Sends exactly these headers (plus a JSON content type) and body. */
    public HttpResponse<String> raw(Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/test")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String sign(byte[] body) {
        return signer.sign(body);
    }

    public HttpResponse<String> get(int port, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return call(request.build());
    }

    public HttpResponse<String> post(int port, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return call(request.build());
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
