package dev.seekfix.bot.prompts;

import dev.seekfix.engine.api.ChatMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the prompts kept as resource files ({@code prompts/<task>/system.md} and {@code user.md}), replacing
 * {@code {{name}}} placeholders. Untrusted values are fenced as {@code <untrusted-data>} blocks whose closing tag
 * cannot be forged from inside (the text's own {@code </untrusted-data} is defused). A placeholder without a value
 * is an error, never an empty string.
 */
public final class PromptTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    static final String OPEN = "<untrusted-data source=\"%s\">";
    static final String CLOSE = "</untrusted-data>";

    public List<ChatMessage> render(String task, Map<String, PromptValue> values) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(fill(task, "system.md", values)));
        messages.add(ChatMessage.user(fill(task, "user.md", values)));
        return messages;
    }

    private String fill(String task, String file, Map<String, PromptValue> values) {
        String resource = "/prompts/" + task + "/" + file;
        String template = read(resource);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            PromptValue value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt %s uses {{%s}} but no value was given (given: %s)"
                        .formatted(resource, m.group(1), values.keySet().stream().sorted().toList()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(render(value)));
        }
        m.appendTail(out);
        return out.toString().strip() + "\n";
    }

    static String render(PromptValue value) {
        return switch (value) {
            case PromptValue.Trusted t -> t.text();
            case PromptValue.Untrusted u -> OPEN.formatted(u.label()) + "\n" + defuse(u.text()) + "\n" + CLOSE;
        };
    }

    /** Breaks any delimiter inside untrusted text so it cannot end the block early or open a fake one. */
    static String defuse(String text) {
        return text.replace("</untrusted-data", "<\\/untrusted-data").replace("<untrusted-data", "<\\untrusted-data");
    }

    private static String read(String resource) {
        try (InputStream in = PromptTemplates.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("prompt resource " + resource + " is missing from the bot jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
