package dev.seekfix.bot.diff;

import java.util.List;
import java.util.Optional;

/** One {@code @@ -oldStart,oldCount +newStart,newCount @@} block and its lines. */
public record Hunk(int oldStart, int oldCount, int newStart, int newCount, String header, List<DiffLine> lines) {
    public Hunk {
        lines = List.copyOf(lines);
    }

    /** The line numbered {@code line} on {@code side} that a comment may sit on, if this hunk has it. */
    public Optional<DiffLine> commentable(Side side, int line) {
        return lines.stream().filter(l -> l.commentableOn(side) && l.lineOn(side) == line).findFirst();
    }

    /**
     * The lines {@code start..end} on {@code side}, when every one of them is commentable in this hunk: GitHub
     * accepts a multi-line comment only within one hunk.
     */
    public Optional<List<DiffLine>> range(Side side, int start, int end) {
        List<DiffLine> onSide = lines.stream().filter(l -> l.commentableOn(side)).toList();
        int from = -1;
        for (int i = 0; i < onSide.size(); i++) {
            if (onSide.get(i).lineOn(side) == start) {
                from = i;
                break;
            }
        }
        if (from < 0) return Optional.empty();
        int count = end - start + 1;
        if (from + count > onSide.size()) return Optional.empty();
        List<DiffLine> range = onSide.subList(from, from + count);
        for (int i = 0; i < count; i++) {
            if (range.get(i).lineOn(side) != start + i) return Optional.empty();
        }
        return Optional.of(range);
    }

    public int addedLines() {
        return (int) lines.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED).count();
    }
}
