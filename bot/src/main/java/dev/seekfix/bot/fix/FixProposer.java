package dev.seekfix.bot.fix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.MalformedAnswerException;
import dev.seekfix.bot.model.ModelReply;
import dev.seekfix.bot.model.ModelRequest;
import dev.seekfix.bot.model.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the model for an explanation and a patch (JSON constrained by the answer schema) and checks the patch; a
 * refused patch goes back to the model once more with the reason, up to {@code rounds} questions in all.
 */
public final class FixProposer {

    private final CodeModel model;
    private final FixPrompt prompt;
    private final ObjectMapper json;
    private final PatchCheck check;
    private final int rounds;

    public FixProposer(CodeModel model, FixPrompt prompt, ObjectMapper json, PatchCheck check, int rounds) {
        if (rounds < 1) throw new IllegalArgumentException("a fix needs at least one model round, found " + rounds);
        this.model = model;
        this.prompt = prompt;
        this.json = json;
        this.check = check;
        this.rounds = rounds;
    }

    public Proposal propose(FixContext ctx, HeadFiles head) {
        List<String> tried = new ArrayList<>();
        TokenUsage usage = TokenUsage.NONE;
        String feedback = "";
        String explanation = "";
        int answerTokens = Math.max(512, Math.min(4096, model.contextTokens() / 4));
        for (int round = 1; round <= rounds; round++) {
            ModelReply reply;
            try {
                reply = model.complete(ModelRequest.json(prompt.render(ctx, feedback), FixPrompt.SCHEMA, answerTokens));
            } catch (MalformedAnswerException e) {
                tried.add("round %d: the model's answer was not the JSON asked for".formatted(round));
                feedback = "your answer was not one JSON object with \"explanation\" and \"patch\"";
                continue;
            }
            usage = usage.plus(reply.usage());
            JsonNode answer;
            try {
                answer = json.readTree(reply.text());
            } catch (JsonProcessingException e) {
                tried.add("round %d: the model's answer was not JSON".formatted(round));
                feedback = "your answer was not one JSON object with \"explanation\" and \"patch\"";
                continue;
            }
            explanation = answer.path("explanation").asText("").strip();
            String patch = answer.path("patch").asText("");
            if (patch.isBlank()) {
                tried.add("round %d: the model proposed no patch".formatted(round));
                return new Proposal.NoFix(explanation, tried, usage);
            }
            switch (check.check(patch, head)) {
                case PatchVerdict.Accepted accepted -> {
                    tried.add("round %d: the patch passed every check".formatted(round));
                    return new Proposal.Checked(accepted.patch(), explanation, tried, usage);
                }
                case PatchVerdict.Rejected rejected -> {
                    tried.add("round %d: refused by the %s check: %s".formatted(round, rejected.check(), rejected.reason()));
                    feedback = rejected.reason();
                }
            }
        }
        return new Proposal.NoFix(explanation, tried, usage);
    }
}
