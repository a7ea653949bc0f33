package dev.seekfix.bot.answers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Makes a suggestion safe to commit: a ```` ```suggestion ```` block replaces exactly its lines, so context lines the
 * model repeated before or after the range are removed (they would be duplicated on commit), and a block that lost
 * the range's indentation gets it back. Users name these two as the way bot suggestions break code.
 */
public final class SuggestionRepair {
    private SuggestionRepair() {
    }

    /**
     * @param original the lines the suggestion replaces ({@code start_line..line}, head side)
     * @param before   the diff's head-side lines just above the range, nearest last
     * @param after    the diff's head-side lines just below the range, nearest first
     * @return the replacement to post, or empty when it changes nothing
     */
    public static Optional<String> repair(List<String> original, List<String> before, List<String> after, String suggestion) {
        List<String> lines = new ArrayList<>(Arrays.asList(suggestion.split("\n", -1)));
        if (lines.size() > 1 && lines.getLast().isEmpty()) lines.removeLast();
        if (suggestion.isEmpty()) lines.clear();
        lines = lines.stream().map(SuggestionRepair::stripCr).collect(java.util.stream.Collectors.toCollection(ArrayList::new));

        int leading = repeatedPrefix(lines, before, original);
        lines = new ArrayList<>(lines.subList(leading, lines.size()));
        int trailing = repeatedSuffix(lines, after, original);
        lines = new ArrayList<>(lines.subList(0, lines.size() - trailing));

        lines = reindent(lines, original);
        if (sameText(lines, original)) return Optional.empty();
        return Optional.of(String.join("\n", lines));
    }

    /** How many leading suggestion lines repeat the end of {@code before} (and are not the range's own start). */
    private static int repeatedPrefix(List<String> lines, List<String> before, List<String> original) {
        for (int k = Math.min(before.size(), lines.size()); k >= 1; k--) {
            List<String> head = lines.subList(0, k);
            if (sameText(head, before.subList(before.size() - k, before.size()))
                    && !(original.size() >= k && sameText(head, original.subList(0, k)))) {
                return k;
            }
        }
        return 0;
    }

    private static int repeatedSuffix(List<String> lines, List<String> after, List<String> original) {
        for (int k = Math.min(after.size(), lines.size()); k >= 1; k--) {
            List<String> tail = lines.subList(lines.size() - k, lines.size());
            if (sameText(tail, after.subList(0, k))
                    && !(original.size() >= k && sameText(tail, original.subList(original.size() - k, original.size())))) {
                return k;
            }
        }
        return 0;
    }

    /** Replaces the suggestion's common indentation with the original range's when they differ. */
    private static List<String> reindent(List<String> lines, List<String> original) {
        Optional<String> originalIndent = commonIndent(original);
        Optional<String> suggestionIndent = commonIndent(lines);
        if (originalIndent.isEmpty() || suggestionIndent.isEmpty() || originalIndent.get().equals(suggestionIndent.get())) {
            return lines;
        }
        String from = suggestionIndent.get();
        String to = originalIndent.get();
        return lines.stream().map(line -> line.isBlank() ? line : to + line.substring(from.length())).toList();
    }

    private static Optional<String> commonIndent(List<String> lines) {
        String common = null;
        for (String line : lines) {
            if (line.isBlank()) continue;
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            if (common == null) {
                common = indent;
            } else {
                int n = 0;
                while (n < common.length() && n < indent.length() && common.charAt(n) == indent.charAt(n)) n++;
                common = common.substring(0, n);
            }
        }
        return Optional.ofNullable(common);
    }

    private static boolean sameText(List<String> a, List<String> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).stripTrailing().equals(b.get(i).stripTrailing())) return false;
        }
        return true;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
