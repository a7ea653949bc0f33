package dev.seekfix.bot.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.answers.FindingsParser;
import dev.seekfix.engine.api.ChatMessage;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real local server speaking the OpenAI chat completions shape. */
class OpenAiCompatibleCodeModelTest {
    final ObjectMapper json = new ObjectMapper();
    final Deque<Object[]> script = new ArrayDeque<>(); // {status, content or raw body}
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    Javalin server;

    @BeforeEach
    void start() {
        server = Javalin.create(c -> c.routes.post("/v1/chat/completions", ctx -> {
            received.add(json.readTree(ctx.body()));
            authorizations.add(ctx.header("Authorization"));
            Object[] next = script.poll();
            int status = (int) next[0];
            ctx.status(status).contentType("application/json");
            if (status == 200) {
                var body = json.createObjectNode();
                body.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", (String) next[1]);
                body.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30);
                ctx.result(body.toString());
            } else {
                if (status == 429) ctx.header("Retry-After", "2");
                ctx.result((String) next[1]);
            }
        })).start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    CodeModel model() {
        var endpoint = new OpenAiCompatibleCodeModel.Endpoint(URI.create("http://localhost:" + server.port()), "deepseek-coder-v2",
                Optional.of("sk-test"), 32768, Duration.ofSeconds(10), 3);
        return new RepairingCodeModel(new OpenAiCompatibleCodeModel(endpoint, HttpClient.newHttpClient(), json, waits::add,
                Clock.systemUTC()), new JsonAnswerCheck(json));
    }

    ModelRequest findingsRequest() {
        return ModelRequest.json(List.of(ChatMessage.system("review"), ChatMessage.user("diff")), FindingsParser.schemaText(), 512);
    }

    @Test
    void asksForTheSchemaThroughResponseFormatAndCountsTokens() {
        script.add(new Object[]{200, "{\"findings\":[]}"});

        ModelReply reply = model().complete(findingsRequest());

        assertThat(reply.text()).isEqualTo("{\"findings\":[]}");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(120, 30, 1));
        JsonNode sent = received.getFirst();
        assertThat(sent.path("model").asText()).isEqualTo("deepseek-coder-v2");
        assertThat(sent.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(sent.path("response_format").path("json_schema").path("schema").path("required").get(0).asText()).isEqualTo("findings");
        assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(authorizations.getFirst()).isEqualTo("Bearer sk-test");
    }

    @Test
    void repairsAnAnswerThatIsNotValidJsonOnce() {
        script.add(new Object[]{200, "Here you go: {\"findings\": [ {\"path\": 1} ]}"});
        script.add(new Object[]{200, "```json\n{\"findings\":[]}\n```"});

        ModelReply reply = model().complete(findingsRequest());

        assertThat(reply.text()).isEqualTo("{\"findings\":[]}");
        assertThat(reply.usage().calls()).isEqualTo(2);
        JsonNode repair = received.get(1).path("messages");
        assertThat(repair.get(repair.size() - 1).path("content").asText()).contains("not valid").contains("JSON schema");
    }

    @Test
    void givesUpAfterOneRepair() {
        script.add(new Object[]{200, "no"});
        script.add(new Object[]{200, "still no"});

        assertThatThrownBy(() -> model().complete(findingsRequest())).isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("after repair");
    }

    @Test
    void retriesWhenTheServerIsBusyAndHonoursRetryAfter() {
        script.add(new Object[]{429, "{\"error\":\"busy\"}"});
        script.add(new Object[]{200, "{\"findings\":[]}"});

        model().complete(findingsRequest());

        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void asksAgainWithoutResponseFormatWhenTheServerRefusesIt() {
        script.add(new Object[]{400, "{\"error\":\"response_format json_schema is not supported\"}"});
        script.add(new Object[]{200, "{\"findings\":[]}"});

        model().complete(findingsRequest());

        assertThat(received.get(1).has("response_format")).isFalse();
    }
}
