package dev.seekfix.webhooks.delivery;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadFactsTest {

    private static final JsonFactory JSON = new JsonFactory();

    private static PayloadFacts read(String json) {
        return PayloadFacts.read(JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsActionInstallationAndRepositoryFromTheTopLevelOnly() {
        PayloadFacts facts = read("""
                {"pull_request":{"action":"nested","repository":{"full_name":"wrong/one"}},
                 "action":"opened","installation":{"id":42,"account":{"id":7}},
                 "repository":{"id":1,"full_name":"octo/repo","owner":{"full_name":"nope"}}}""");
        assertThat(facts).isEqualTo(new PayloadFacts("opened", 42L, "octo/repo"));
    }

    @Test
    void toleratesMissingFields() {
        assertThat(read("{\"zen\":\"Keep it logically awesome.\"}")).isEqualTo(new PayloadFacts(null, null, null));
    }

    @Test
    void rejectsWhatIsNotOneJsonObject() {
        for (String bad : new String[]{"", "[1]", "\"text\"", "{\"a\":1", "{\"a\":1} {}", "{\"a\":tru}", "not json"}) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(PayloadFacts.MalformedPayloadException.class);
        }
    }
}
