package dev.seekfix.webhooks.bench;

import dev.seekfix.webhooks.signature.SignatureVerifier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on {@code POST /webhooks/github} from a separate process: {@code connections} clients each send
 * signed deliveries (a real payload, a fresh delivery id each) back to back. Prints acknowledged deliveries per
 * second and latency percentiles as JSON. Not a test: run it through scripts/bench-intake.sh.
 *
 * <p>Usage: IntakeLoadClient URL SECRET PAYLOAD.json EVENT TOTAL CONNECTIONS [WARMUP]
 */
public final class IntakeLoadClient {

    private IntakeLoadClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: IntakeLoadClient URL SECRET PAYLOAD.json EVENT TOTAL CONNECTIONS [WARMUP]");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        SignatureVerifier signer = new SignatureVerifier(args[1]);
        byte[] body = Files.readAllBytes(Path.of(args[2]));
        String event = args[3];
        int total = Integer.parseInt(args[4]);
        int connections = Integer.parseInt(args[5]);
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : Math.min(2000, total / 5);
        String signature = signer.sign(body);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2)).build();

        run(http, url, event, body, signature, warmup, connections, null);
        long[] latencies = new long[total];
        long start = System.nanoTime();
        Result result = run(http, url, event, body, signature, total, connections, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies, 0, result.ok());
        System.out.printf(Locale.ROOT,
                "{\"deliveries\":%d,\"acknowledged\":%d,\"failed\":%d,\"connections\":%d,\"payload_bytes\":%d,"
                        + "\"seconds\":%.2f,\"deliveries_per_s\":%.0f,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}%n",
                total, result.ok(), result.failed(), connections, body.length, seconds, result.ok() / seconds,
                percentile(latencies, result.ok(), 0.50), percentile(latencies, result.ok(), 0.90),
                percentile(latencies, result.ok(), 0.99), result.ok() == 0 ? 0 : latencies[result.ok() - 1] / 1e6);
        System.exit(result.failed() == 0 ? 0 : 1);
    }

    private record Result(int ok, int failed) {
    }

    private static Result run(HttpClient http, URI url, String event, byte[] body, String signature, int total,
                              int connections, long[] latencies) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong firstError = new AtomicLong();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                clients.submit(() -> {
                    while (next.getAndIncrement() < total) {
                        HttpRequest request = HttpRequest.newBuilder(url)
                                .header("Content-Type", "application/json")
                                .header("X-GitHub-Event", event)
                                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                                .header("X-Hub-Signature-256", signature)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            long elapsed = System.nanoTime() - t0;
                            if (response.statusCode() == 202) {
                                int i = ok.getAndIncrement();
                                if (latencies != null) latencies[i] = elapsed;
                            } else {
                                failed.incrementAndGet();
                                if (firstError.compareAndSet(0, response.statusCode())) {
                                    System.err.println("first failure: HTTP " + response.statusCode());
                                }
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            if (firstError.compareAndSet(0, -1)) System.err.println("first failure: " + e);
                        }
                    }
                    return null;
                });
            }
        }
        return new Result(ok.get(), failed.get());
    }

    private static double percentile(long[] sorted, int n, double p) {
        if (n == 0) return 0;
        int index = Math.min(n - 1, (int) Math.ceil(p * n) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
