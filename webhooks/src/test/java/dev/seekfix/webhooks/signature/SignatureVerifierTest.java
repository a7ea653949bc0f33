package dev.seekfix.webhooks.signature;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seekfix.webhooks.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureVerifierTest {

    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String HELLO_SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void verifiesGitHubsDocumentedTestVector() {
        SignatureVerifier verifier = new SignatureVerifier(GITHUB_SECRET);
        assertThat(verifier.verify(HELLO, HELLO_SIGNATURE)).isEqualTo(SignatureCheck.VALID);
        assertThat(verifier.sign(HELLO)).isEqualTo(HELLO_SIGNATURE);
    }

    @Test
    void verifiesEveryOctokitSignatureTriple() {
        JsonNode triples = Fixtures.json("signatures.json");
        assertThat(triples.size()).isEqualTo(5);
        for (JsonNode triple : triples) {
            byte[] payload = triple.path("payload").asText().getBytes(StandardCharsets.UTF_8);
            assertThat(payload).hasSize(triple.path("payloadUtf8Bytes").asInt());
            SignatureVerifier verifier = new SignatureVerifier(triple.path("secret").asText());
            assertThat(verifier.verify(payload, triple.path("signature").asText()))
                    .as("event %s", triple.path("event").asText())
                    .isEqualTo(SignatureCheck.VALID);
        }
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() {
        assertThat(new SignatureVerifier("wrong secret").verify(HELLO, HELLO_SIGNATURE)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void rejectsBodyAlteredAfterSigning() {
        byte[] altered = "Hello, World?".getBytes(StandardCharsets.UTF_8);
        assertThat(new SignatureVerifier(GITHUB_SECRET).verify(altered, HELLO_SIGNATURE)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void rejectsMissingSignature() {
        SignatureVerifier verifier = new SignatureVerifier(GITHUB_SECRET);
        assertThat(verifier.verify(HELLO, null)).isEqualTo(SignatureCheck.MISSING);
        assertThat(verifier.verify(HELLO, "  ")).isEqualTo(SignatureCheck.MISSING);
    }

    @Test
    void rejectsLegacySha1Signature() {
        // X-Hub-Signature (SHA-1) of the same body: never enough on its own.
        assertThat(new SignatureVerifier(GITHUB_SECRET).verify(HELLO, "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59"))
                .isEqualTo(SignatureCheck.MALFORMED);
    }

    @Test
    void rejectsTruncatedAndNonHexSignatures() {
        SignatureVerifier verifier = new SignatureVerifier(GITHUB_SECRET);
        assertThat(verifier.verify(HELLO, HELLO_SIGNATURE.substring(0, HELLO_SIGNATURE.length() - 2)))
                .isEqualTo(SignatureCheck.MALFORMED);
        assertThat(verifier.verify(HELLO, "sha256=" + "zz".repeat(32))).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(verifier.verify(HELLO, HELLO_SIGNATURE.replace("sha256=", ""))).isEqualTo(SignatureCheck.MALFORMED);
    }

    @Test
    void refusesAnEmptySecret() {
        assertThatThrownBy(() -> new SignatureVerifier("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheSecretOutOfItsDescription() {
        assertThat(new SignatureVerifier("hunter2").toString()).doesNotContain("hunter2");
    }
}
