package dev.seekfix.bot.publish;

/** Markdown code fences long enough not to be closed by backticks inside the code. */
public final class Fences {
    private Fences() {
    }

    public static String block(String info, String code) {
        int longest = 0;
        int run = 0;
        for (char c : code.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + info + "\n" + code + (code.isEmpty() || code.endsWith("\n") ? "" : "\n") + fence;
    }

    /** A committable GitHub suggestion replacing the comment's lines with {@code replacement}. */
    public static String suggestion(String replacement) {
        return block("suggestion", replacement);
    }
}
