package dev.seekfix.bot.fix;

import dev.seekfix.bot.model.TokenUsage;
import java.util.List;

/** What asking the model for a fix produced. */
public sealed interface Proposal {

    /** Every round's outcome, for the comment: "round 1: the patch does not apply: …". */
    List<String> tried();

    TokenUsage usage();

    /** A patch that passed every check, and the model's explanation. */
    record Checked(CheckedPatch patch, String explanation, List<String> tried, TokenUsage usage) implements Proposal {
        public Checked {
            tried = List.copyOf(tried);
        }
    }

    /** No patch passed; {@code explanation} is the model's last word on the failure, possibly empty. */
    record NoFix(String explanation, List<String> tried, TokenUsage usage) implements Proposal {
        public NoFix {
            tried = List.copyOf(tried);
        }
    }
}
