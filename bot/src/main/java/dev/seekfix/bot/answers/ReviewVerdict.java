package dev.seekfix.bot.answers;

import java.util.List;

/**
 * What validation made of the model's findings.
 *
 * @param inline  findings safe to post as inline comments (suggestions repaired)
 * @param notes   findings moved to the review body, with why (never sent as inline comments: a line outside the
 *                diff makes GitHub refuse the whole review)
 * @param dropped findings not posted at all, with why
 */
public record ReviewVerdict(List<Finding> inline, List<Placed> notes, List<Placed> dropped) {
    public ReviewVerdict {
        inline = List.copyOf(inline);
        notes = List.copyOf(notes);
        dropped = List.copyOf(dropped);
    }

    public record Placed(Finding finding, String reason) {
    }
}
