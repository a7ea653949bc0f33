package dev.seekfix.engine.tokenizer;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.gguf.GgufMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the tokenizer from GGUF metadata, and the errors a bad file gets. */
class TokenizerMetadataTest {

    private static GgufMetadata.Builder tiny() {
        return GgufMetadata.builder()
                .putString(TokenizerKeys.MODEL, "gpt2")
                .putString(TokenizerKeys.PRE, "deepseek-llm")
                .putStrings(TokenizerKeys.TOKENS, List.of("a", "b", "ab", "<｜begin▁of▁sentence｜>", "<｜end▁of▁sentence｜>"))
                .putInt32s(TokenizerKeys.TOKEN_TYPE, new int[] {1, 1, 1, 3, 3})
                .putStrings(TokenizerKeys.MERGES, List.of("a b"))
                .putUInt32(TokenizerKeys.BOS_ID, 3)
                .putUInt32(TokenizerKeys.EOS_ID, 4)
                .putBool(TokenizerKeys.ADD_BOS, true);
    }

    @Test
    void readsAMinimalVocabulary() {
        Tokenizer t = Tokenizer.fromMetadata(tiny().putString(TokenizerKeys.CHAT_TEMPLATE, "{{ x }}").build());
        assertThat(t.encode("abab", true, false)).containsExactly(3, 2, 2);
        assertThat(t.specialTokens().endOfGeneration()).containsExactly(4);
        assertThat(t.specialTokens().addBos()).isTrue();
        assertThat(t.chatTemplate()).hasValue("{{ x }}");
        assertThat(t.preTokenizer()).isEqualTo(PreTokenizer.DEEPSEEK_LLM);
    }

    @Test
    void rejectsAnotherTokenizerModel() {
        assertThatThrownBy(() -> Tokenizer.fromMetadata(tiny().putString(TokenizerKeys.MODEL, "llama").build()))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("tokenizer.ggml.model").hasMessageContaining("'llama'").hasMessageContaining("gpt2");
    }

    @Test
    void rejectsAnUnknownPreTokenizerNamingTheKnownOnes() {
        assertThatThrownBy(() -> Tokenizer.fromMetadata(tiny().putString(TokenizerKeys.PRE, "qwen2").build()))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("tokenizer.ggml.pre").hasMessageContaining("'qwen2'")
                .hasMessageContaining("deepseek-llm").hasMessageContaining("deepseek-coder");
    }

    @Test
    void rejectsAMissingPreTokenizer() {
        assertThatThrownBy(() -> Tokenizer.fromMetadata(tiny().remove(TokenizerKeys.PRE).build()))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("tokenizer.ggml.pre is missing").hasMessageContaining("re-convert");
    }

    @Test
    void rejectsTypesThatDoNotMatchTheTokens() {
        assertThatThrownBy(() -> Tokenizer.fromMetadata(tiny().putInt32s(TokenizerKeys.TOKEN_TYPE, new int[] {1, 1}).build()))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("expected 5 entries").hasMessageContaining("found 2");
    }

    @Test
    void rejectsASpecialIdOutsideTheVocabulary() {
        assertThatThrownBy(() -> Tokenizer.fromMetadata(tiny().putUInt32(TokenizerKeys.EOS_ID, 9).build()))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("tokenizer.ggml.eos_token_id").hasMessageContaining("0..4").hasMessageContaining("9");
    }

    @Test
    void refusesBosWhenTheVocabularyHasNone() {
        Tokenizer t = Tokenizer.fromMetadata(tiny().remove(TokenizerKeys.BOS_ID).build());
        assertThat(t.encode("ab")).containsExactly(2);
        assertThatThrownBy(() -> t.encode("ab", true, false)).hasMessageContaining("BOS");
    }
}
