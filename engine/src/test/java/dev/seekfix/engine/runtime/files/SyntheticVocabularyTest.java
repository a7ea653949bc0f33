package dev.seekfix.engine.runtime.files;

import dev.seekfix.engine.gguf.GgufMetadata;
import dev.seekfix.engine.tokenizer.Tokenizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticVocabularyTest {

    private static final String TEXT = "def quick_sort(arr):\n    return [x for x in arr if x < 42] # ünïcödé 漢字 😀\r\n\ttabs";

    @ParameterizedTest
    @ValueSource(ints = {300, 4015, 102400})
    void everyTextRoundTripsThroughATokenizerOfAnySize(int size) {
        SyntheticVocabulary v = SyntheticVocabulary.of(size);
        assertThat(v.tokens()).hasSize(size);
        assertThat(v.types()).hasSize(size);
        Tokenizer t = Tokenizer.fromMetadata(RandomModelWriter.metadata(ModelShape.like("micro").withVocabulary(size),
                FileType.F16, v));
        int[] ids = t.encode(TEXT);
        assertThat(t.decode(ids, false)).isEqualTo(TEXT);
        assertThat(t.specialTokens().bos()).hasValue(v.bos());
        assertThat(t.specialTokens().eos()).hasValue(v.eos());
        if (size > 4000) {
            String words = " return the value of this list";
            assertThat(t.encode(words).length).as("merges join letters").isLessThan(words.length() / 2);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {102400})
    void deepSeekSizedVocabulariesKeepDeepSeeksSpecialIds(int size) {
        SyntheticVocabulary v = SyntheticVocabulary.of(size);
        assertThat(v.bos()).isEqualTo(100000);
        assertThat(v.eos()).isEqualTo(100001);
        assertThat(v.tokens().get(100000)).isEqualTo("<｜begin▁of▁sentence｜>");
        assertThat(v.tokens().get(102399)).isEqualTo("[PAD102399]");
        assertThat(v.merges()).hasSize(100000 - 256);
        GgufMetadata m = RandomModelWriter.metadata(ModelShape.like("coder-v2-lite"), FileType.Q8_0, v);
        assertThat(m.getInt("deepseek2.vocab_size")).isEqualTo(size);
    }
}
