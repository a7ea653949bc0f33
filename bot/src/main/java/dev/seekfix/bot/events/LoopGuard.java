package dev.seekfix.bot.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Events seekfix must not act on: comments written by any bot (seekfix's own replies included) and pushes made by
 * seekfix itself (DESIGN.md security model: bots' comments and seekfix's own commits never trigger seekfix).
 */
public final class LoopGuard {
    private LoopGuard() {
    }

    /** Why the event is ignored, or empty when it may be handled. */
    public static Optional<String> reason(String event, JsonNode payload, String botLogin) {
        JsonNode sender = payload.path("sender");
        boolean senderIsUs = sender.path("login").asText("").equalsIgnoreCase(botLogin);
        if (senderIsUs) return Optional.of("sent by seekfix itself (" + botLogin + ")");
        if (event.equals("issue_comment") || event.equals("pull_request_review_comment")) {
            JsonNode author = payload.path("comment").path("user");
            if (sender.path("type").asText("").equals("Bot") || author.path("type").asText("").equals("Bot")
                    || author.path("login").asText("").endsWith("[bot]")) {
                return Optional.of("comment by a bot (" + author.path("login").asText(sender.path("login").asText()) + ")");
            }
        }
        return Optional.empty();
    }
}
