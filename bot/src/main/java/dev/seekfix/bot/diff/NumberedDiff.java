package dev.seekfix.bot.diff;

import java.util.List;

/**
 * Renders hunks for a prompt with both line numbers on every line, so the model can cite exact lines
 * (PR-Agent's "line-numbered diff" idea): {@code old new |+text}. A blank column means the line does not exist
 * on that side.
 */
public final class NumberedDiff {
    private NumberedDiff() {
    }

    public static String render(FileDiff file) {
        StringBuilder out = new StringBuilder();
        out.append("## File: ").append(file.path());
        file.previousPath().ifPresent(p -> out.append(" (renamed from ").append(p).append(')'));
        out.append(" [").append(file.status()).append("]\n");
        for (Hunk hunk : file.hunks()) {
            out.append(renderHunk(hunk));
        }
        return out.toString();
    }

    public static String renderHunk(Hunk hunk) {
        StringBuilder out = new StringBuilder();
        out.append("@@ -%d,%d +%d,%d @@%s\n".formatted(hunk.oldStart(), hunk.oldCount(), hunk.newStart(), hunk.newCount(),
                hunk.header().isEmpty() ? "" : " " + hunk.header()));
        for (DiffLine line : hunk.lines()) {
            String oldColumn = line.oldLine() == 0 ? "" : Integer.toString(line.oldLine());
            String newColumn = line.newLine() == 0 ? "" : Integer.toString(line.newLine());
            char sign = switch (line.kind()) {
                case ADDED -> '+';
                case REMOVED -> '-';
                case CONTEXT -> ' ';
            };
            out.append("%5s %5s |%c%s\n".formatted(oldColumn, newColumn, sign, line.text()));
        }
        return out.toString();
    }

    public static String render(List<FileDiff> files) {
        StringBuilder out = new StringBuilder();
        for (FileDiff file : files) out.append(render(file)).append('\n');
        return out.toString();
    }
}
