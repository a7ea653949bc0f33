package dev.seekfix.bot.diff;

import dev.seekfix.bot.github.ChangedFile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code patch} of one file (a unified diff without file headers, as GitHub's files endpoint gives it)
 * into hunks with old and new line numbers. A count left out of a hunk header means 1 (GNU diff's format).
 */
public final class PatchParser {
    private static final Pattern HUNK_HEADER = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@(.*)$");

    public List<Hunk> parse(String patch, String path) {
        List<Hunk> hunks = new ArrayList<>();
        String[] lines = patch.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = stripCr(lines[i]);
            if (line.isEmpty() && i == lines.length - 1) break;
            if (line.startsWith("diff --git") || line.startsWith("index ") || line.startsWith("--- ") || line.startsWith("+++ ")
                    || line.startsWith("new file mode") || line.startsWith("deleted file mode")) {
                i++;
                continue;
            }
            Matcher m = HUNK_HEADER.matcher(line);
            if (!m.matches()) {
                throw new MalformedPatchException("%s: expected a hunk header '@@ -a,b +c,d @@' at patch line %d, found '%s'"
                        .formatted(path, i + 1, abbreviate(line)));
            }
            int oldStart = Integer.parseInt(m.group(1));
            int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int newStart = Integer.parseInt(m.group(3));
            int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            i++;
            List<DiffLine> body = new ArrayList<>();
            int oldLine = oldStart;
            int newLine = newStart;
            int oldSeen = 0;
            int newSeen = 0;
            while (i < lines.length && (oldSeen < oldCount || newSeen < newCount)) {
                String text = stripCr(lines[i]);
                if (text.startsWith("\\")) {
                    i++; // "\ No newline at end of file"
                    continue;
                }
                char prefix = text.isEmpty() ? ' ' : text.charAt(0);
                String content = text.isEmpty() ? "" : text.substring(1);
                switch (prefix) {
                    case '+' -> { body.add(new DiffLine(DiffLine.Kind.ADDED, 0, newLine++, content)); newSeen++; }
                    case '-' -> { body.add(new DiffLine(DiffLine.Kind.REMOVED, oldLine++, 0, content)); oldSeen++; }
                    case ' ' -> { body.add(new DiffLine(DiffLine.Kind.CONTEXT, oldLine++, newLine++, content)); oldSeen++; newSeen++; }
                    default -> throw new MalformedPatchException("%s: expected a line starting with '+', '-' or ' ' at patch line %d, found '%s'"
                            .formatted(path, i + 1, abbreviate(text)));
                }
                i++;
            }
            while (i < lines.length && stripCr(lines[i]).startsWith("\\")) i++;
            if (oldSeen != oldCount || newSeen != newCount) {
                throw new MalformedPatchException("%s: hunk '%s' promises %d old and %d new lines, the patch has %d and %d"
                        .formatted(path, line, oldCount, newCount, oldSeen, newSeen));
            }
            hunks.add(new Hunk(oldStart, oldCount, newStart, newCount, m.group(5).strip(), body));
        }
        return hunks;
    }

    public FileDiff parse(ChangedFile file) {
        List<Hunk> hunks = file.patch().map(p -> parse(p, file.path())).orElse(List.of());
        return new FileDiff(file.path(), file.previousPath(), file.status(), file.additions(), file.deletions(),
                file.patch().isPresent(), hunks);
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
