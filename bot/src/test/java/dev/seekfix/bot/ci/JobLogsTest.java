package dev.seekfix.bot.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobLogsTest {

    private HttpServer server;
    private URI base;
    private final List<String> authorizationSeenByStorage = new CopyOnWriteArrayList<>();
    private final AtomicInteger signedUrlsIssued = new AtomicInteger();
    private volatile int expiredAnswersLeft;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/repos/acme/greeter/actions/jobs/42/logs", exchange -> {
            int n = signedUrlsIssued.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            int status = "Bearer tok".equals(auth) ? 302 : 401;
            exchange.getResponseHeaders().add("Location", base + "/storage/log?sig=" + n);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/repos/acme/greeter/actions/jobs/7/logs", exchange -> {
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        server.createContext("/storage/log", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizationSeenByStorage.add(auth == null ? "" : auth);
            if (expiredAnswersLeft > 0) {
                expiredAnswersLeft--;
                exchange.sendResponseHeaders(403, -1);
                exchange.close();
                return;
            }
            byte[] body = "2025-03-04T10:15:02.1234567Z line one\n2025-03-04T10:15:02.2234567Z line two\n"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private JobLogs logs(int maxBytes) {
        return new JobLogs(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), base,
                maxBytes, Duration.ofSeconds(5));
    }

    @Test
    void followsTheRedirectWithoutSendingTheToken() throws Exception {
        String log = logs(1 << 20).download("acme/greeter", 42, "tok");
        assertThat(new LogCleaner().clean(log)).containsExactly("line one", "line two");
        assertThat(authorizationSeenByStorage).containsExactly("");
    }

    @Test
    void asksForAFreshUrlOnceWhenTheSignedOneExpired() throws Exception {
        expiredAnswersLeft = 1;
        assertThat(logs(1 << 20).download("acme/greeter", 42, "tok")).contains("line two");
        assertThat(signedUrlsIssued).hasValue(2);
    }

    @Test
    void keepsTheEndOfALogPastTheCap() throws Exception {
        String log = logs(40).download("acme/greeter", 42, "tok");
        assertThat(log).startsWith("[seekfix: the first").endsWith("line two\n").doesNotContain("line one");
    }

    @Test
    void saysWhenTheLogIsGone() {
        assertThatThrownBy(() -> logs(1 << 20).download("acme/greeter", 7, "tok"))
                .isInstanceOf(JobLogUnavailableException.class).hasMessageContaining("HTTP 410");
    }

    @Test
    void refusesAClientThatWouldCarryTheTokenAcrossTheRedirect() {
        assertThatThrownBy(() -> new JobLogs(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .build(), base, 100, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
