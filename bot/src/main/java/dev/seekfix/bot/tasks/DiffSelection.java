package dev.seekfix.bot.tasks;

import dev.seekfix.bot.commands.Command;
import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.diff.Hunk;
import dev.seekfix.bot.diff.NumberedDiff;
import dev.seekfix.bot.diff.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The part of a PR's diff a command is about (a file, a directory, a line range or the whole PR), cut to what fits
 * the model's context; what was left out is named.
 */
public record DiffSelection(List<FileDiff> files, String rendered, List<String> omitted) {

    public static DiffSelection select(Map<String, FileDiff> diff, Optional<Command.Target> target, int budgetTokens,
                                       ToIntFunction<String> countTokens) {
        List<FileDiff> chosen = new ArrayList<>();
        for (FileDiff file : diff.values()) {
            if (!file.hasPatch() || file.hunks().isEmpty()) continue;
            if (target.isEmpty()) {
                chosen.add(file);
                continue;
            }
            Command.Target t = target.get();
            String wanted = t.path().replaceFirst("^/+", "");
            boolean match = file.path().equals(wanted) || file.path().startsWith(wanted.endsWith("/") ? wanted : wanted + "/");
            if (!match) continue;
            if (t.startLine().isEmpty()) {
                chosen.add(file);
                continue;
            }
            int start = t.startLine().get();
            int end = t.endLine().orElse(start);
            List<Hunk> hunks = file.hunks().stream().filter(h -> h.lines().stream()
                    .anyMatch(l -> l.commentableOn(Side.RIGHT) && l.newLine() >= start && l.newLine() <= end)).toList();
            if (!hunks.isEmpty()) chosen.add(file.withHunks(hunks));
        }
        StringBuilder rendered = new StringBuilder();
        List<FileDiff> kept = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        int used = 0;
        for (FileDiff file : chosen) {
            String text = NumberedDiff.render(file);
            int cost = countTokens.applyAsInt(text);
            if (used + cost > budgetTokens) {
                omitted.add(file.path());
                continue;
            }
            used += cost;
            kept.add(file);
            rendered.append(text).append('\n');
        }
        return new DiffSelection(kept, rendered.toString(), omitted);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
