package dev.seekfix.engine.chat;

import dev.seekfix.engine.api.ChatMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden renderings of DeepSeek's chat formats. */
class ChatTemplateTest {

    private static final String BOS = "<｜begin▁of▁sentence｜>";
    private static final String EOS = "<｜end▁of▁sentence｜>";

    private final ChatTemplate v2 = new DeepSeekV2Template();

    @Test
    void rendersSystemAndUser() {
        RenderedPrompt p = v2.render(List.of(
                ChatMessage.system("You are a code reviewer."),
                ChatMessage.user("Review this diff.")), true);
        assertThat(p.text()).isEqualTo(BOS + "You are a code reviewer.\n\nUser: Review this diff.\n\nAssistant:");
        assertThat(p.parts()).containsExactly(
                new PromptPart.Marker(BOS),
                new PromptPart.Text("You are a code reviewer.\n\nUser: Review this diff.\n\nAssistant:"));
    }

    @Test
    void rendersMultiTurnWithEosAfterEachAssistantReply() {
        RenderedPrompt p = v2.render(List.of(
                ChatMessage.user("def fib(n):"),
                ChatMessage.assistant("It computes Fibonacci numbers."),
                ChatMessage.user("Make it iterative.")), true);
        assertThat(p.text()).isEqualTo(BOS + "User: def fib(n):\n\nAssistant: It computes Fibonacci numbers." + EOS
                + "User: Make it iterative.\n\nAssistant:");
        assertThat(p.parts()).filteredOn(PromptPart.Marker.class::isInstance)
                .containsExactly(new PromptPart.Marker(BOS), new PromptPart.Marker(EOS));
    }

    @Test
    void rendersWithoutSystemMessage() {
        RenderedPrompt p = v2.render(List.of(ChatMessage.user("hi")), true);
        assertThat(p.text()).isEqualTo(BOS + "User: hi\n\nAssistant:");
    }

    @Test
    void leavesTheGenerationPromptOutWhenNotAsked() {
        RenderedPrompt p = v2.render(List.of(ChatMessage.user("hi"), ChatMessage.assistant("hello")), false);
        assertThat(p.text()).isEqualTo(BOS + "User: hi\n\nAssistant: hello" + EOS);
    }

    @Test
    void v25PutsTheSystemPromptRightAfterBosAndUsesRoleTokens() {
        RenderedPrompt p = new DeepSeekV25Template(false).render(List.of(
                ChatMessage.system("Be brief."),
                ChatMessage.user("hi"),
                ChatMessage.assistant("hello"),
                ChatMessage.user("bye")), true);
        assertThat(p.text()).isEqualTo(BOS + "Be brief.<｜User｜>hi<｜Assistant｜>hello" + EOS
                + "<｜User｜>bye<｜Assistant｜>");
    }

    @Test
    void v25KeepsTheLastSystemPromptUnlessTheTemplateJoinsThem() {
        List<ChatMessage> chat = List.of(ChatMessage.system("a"), ChatMessage.system("b"), ChatMessage.user("u"));
        assertThat(new DeepSeekV25Template(false).render(chat, true).text()).startsWith(BOS + "b<｜User｜>");
        assertThat(new DeepSeekV25Template(true).render(chat, true).text()).startsWith(BOS + "a\n\nb<｜User｜>");
    }
}
