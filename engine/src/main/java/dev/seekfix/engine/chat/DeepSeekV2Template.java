package dev.seekfix.engine.chat;

import dev.seekfix.engine.api.ChatMessage;

import java.util.List;

/**
 * DeepSeek-V2(-Lite)-Chat and DeepSeek-Coder-V2(-Lite)-Instruct (ENGINE.md, "Chat template"):
 * <pre>
 * &lt;｜begin▁of▁sentence｜&gt;{system}\n\nUser: {u1}\n\nAssistant: {a1}&lt;｜end▁of▁sentence｜&gt;User: {u2}\n\nAssistant:
 * </pre>
 * Messages are written in the order given (a system message is not moved to the front), as the models' Jinja
 * template does; there is no space after the final {@code Assistant:}. Same as llama.cpp's
 * {@code LLM_CHAT_TEMPLATE_DEEPSEEK_2} plus the BOS that the tokenizer adds there.
 */
public record DeepSeekV2Template() implements ChatTemplate {

    /** The Jinja template in the tokenizer_config.json of these models, as converters copy it into GGUFs. */
    public static final String JINJA = "{% if not add_generation_prompt is defined %}{% set add_generation_prompt"
            + " = false %}{% endif %}{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}"
            + "{{ 'User: ' + message['content'] + '\\n\\n' }}{% elif message['role'] == 'assistant' %}"
            + "{{ 'Assistant: ' + message['content'] + eos_token }}{% elif message['role'] == 'system' %}"
            + "{{ message['content'] + '\\n\\n' }}{% endif %}{% endfor %}{% if add_generation_prompt %}"
            + "{{ 'Assistant:' }}{% endif %}";

    /** The fragment llama.cpp's {@code llm_chat_detect_template} looks for. */
    static final String SIGNATURE = "'Assistant: ' + message['content'] + eos_token";

    @Override
    public String name() {
        return "deepseek-v2";
    }

    @Override
    public RenderedPrompt render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        RenderedPrompt.Builder b = new RenderedPrompt.Builder().marker(BOS);
        for (ChatMessage m : messages) {
            switch (m.role()) {
                case SYSTEM -> b.text(m.content()).text("\n\n");
                case USER -> b.text("User: ").text(m.content()).text("\n\n");
                case ASSISTANT -> b.text("Assistant: ").text(m.content()).marker(EOS);
            }
        }
        if (addGenerationPrompt) b.text("Assistant:");
        return b.build();
    }
}
