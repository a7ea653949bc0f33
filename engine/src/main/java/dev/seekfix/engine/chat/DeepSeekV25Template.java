package dev.seekfix.engine.chat;

import dev.seekfix.engine.api.ChatMessage;
import dev.seekfix.engine.api.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * DeepSeek-V2.5 and DeepSeek-Coder-V2-Instruct-0724 (same {@code deepseek2} architecture), whose Jinja template
 * uses role tokens:
 * <pre>
 * &lt;｜begin▁of▁sentence｜&gt;{system}&lt;｜User｜&gt;{u1}&lt;｜Assistant｜&gt;{a1}&lt;｜end▁of▁sentence｜&gt;&lt;｜User｜&gt;{u2}&lt;｜Assistant｜&gt;
 * </pre>
 * The system prompt goes right after BOS with no separator. With several system messages the V2.5 template
 * keeps the last one; templates that carry {@code is_first_sp} (the later V3 form) join them with a blank line.
 * Tool calls are not rendered (the engine's API has no tool messages).
 */
public record DeepSeekV25Template(boolean joinSystemPrompts) implements ChatTemplate {

    static final String USER = "<｜User｜>";
    static final String ASSISTANT = "<｜Assistant｜>";

    @Override
    public String name() {
        return "deepseek-v2.5";
    }

    @Override
    public RenderedPrompt render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        List<String> systems = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (m.role() == Role.SYSTEM) systems.add(m.content());
        }
        String system = systems.isEmpty() ? ""
                : joinSystemPrompts ? String.join("\n\n", systems) : systems.getLast();
        RenderedPrompt.Builder b = new RenderedPrompt.Builder().marker(BOS).text(system);
        for (ChatMessage m : messages) {
            switch (m.role()) {
                case SYSTEM -> { }
                case USER -> b.marker(USER).text(m.content());
                case ASSISTANT -> b.marker(ASSISTANT).text(m.content()).marker(EOS);
            }
        }
        if (addGenerationPrompt) b.marker(ASSISTANT);
        return b.build();
    }
}
