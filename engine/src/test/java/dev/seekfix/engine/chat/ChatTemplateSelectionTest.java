package dev.seekfix.engine.chat;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ChatTemplateSelectionTest {

    @Test
    void usesDeepSeekV2WhenTheGgufHasNoTemplate() {
        ChatTemplateSelection s = ChatTemplateSelection.of(Optional.empty());
        assertThat(s.template()).isInstanceOf(DeepSeekV2Template.class);
        assertThat(s.source()).isEqualTo(ChatTemplateSelection.Source.DEFAULT_NO_TEMPLATE);
        assertThat(s.fromGguf()).isFalse();
        assertThat(s.description()).contains("deepseek-v2").contains("has no tokenizer.chat_template");
    }

    @Test
    void recognisesTheCoderV2TemplateExactly() {
        ChatTemplateSelection s = ChatTemplateSelection.of(Optional.of(DeepSeekV2Template.JINJA));
        assertThat(s.source()).isEqualTo(ChatTemplateSelection.Source.GGUF_EXACT);
        assertThat(s.fromGguf()).isTrue();
        assertThat(s.description()).contains("the GGUF's own template");
    }

    @Test
    void recognisesAVariantOfTheV2TemplateByLlamaCppsMarker() {
        String variant = DeepSeekV2Template.JINJA.replace("{{ bos_token }}", "{{- bos_token -}}");
        ChatTemplateSelection s = ChatTemplateSelection.of(Optional.of(variant));
        assertThat(s.template()).isInstanceOf(DeepSeekV2Template.class);
        assertThat(s.source()).isEqualTo(ChatTemplateSelection.Source.GGUF_MARKERS);
    }

    @Test
    void recognisesTheV25RoleTokenTemplate() {
        String v25 = "{{bos_token}}{{ns.system_prompt}}{%- for message in messages %}{%- if message['role'] =="
                + " 'user' %}{{'<｜User｜>' + message['content']}}{%- endif %}{%- if message['role'] == 'assistant'"
                + " %}{{'<｜Assistant｜>' + message['content'] + '<｜end▁of▁sentence｜>'}}{%- endif %}{%- endfor %}"
                + "{% if add_generation_prompt %}{{'<｜Assistant｜>'}}{% endif %}";
        ChatTemplateSelection s = ChatTemplateSelection.of(Optional.of(v25));
        assertThat(s.template()).isEqualTo(new DeepSeekV25Template(false));
        assertThat(s.template().name()).isEqualTo("deepseek-v2.5");
    }

    @Test
    void fallsBackToDeepSeekV2ForAnUnknownTemplateAndSaysSo() {
        String chatml = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content']"
                + " + '<|im_end|>' + '\\n'}}{% endfor %}";
        ChatTemplateSelection s = ChatTemplateSelection.of(Optional.of(chatml));
        assertThat(s.template()).isInstanceOf(DeepSeekV2Template.class);
        assertThat(s.source()).isEqualTo(ChatTemplateSelection.Source.DEFAULT_UNRECOGNISED);
        assertThat(s.description()).contains("not a DeepSeek template");
    }

    @Test
    void doesNotMistakeAnR1TemplateForV25() {
        String r1 = "{{'<｜User｜>' + message['content']}}{{'<｜Assistant｜>' + content + '<｜end▁of▁sentence｜>'}}"
                + "{% if '</think>' in content %}{% set content = content.split('</think>')[-1] %}{% endif %}";
        assertThat(ChatTemplateSelection.of(Optional.of(r1)).source())
                .isEqualTo(ChatTemplateSelection.Source.DEFAULT_UNRECOGNISED);
    }
}
