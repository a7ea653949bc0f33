package dev.seekfix.bot.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a model's unified diff into the form git and JGit parse, without changing what it says: code fences and
 * chatter around the diff are dropped, {@code diff --git} headers are added where only {@code ---}/{@code +++}
 * lines were given, blank lines inside a hunk are read as blank context lines, and every hunk header's line counts
 * are recounted from its body (models miscount; a wrong count makes parsers swallow or drop lines). Hunk start
 * lines are kept: the applier finds the exact context near them.
 */
public final class PatchText {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@(.*)$");

    private PatchText() {
    }

    /** @throws MalformedFixPatchException when no file header or no hunk can be found */
    public static String normalize(String raw) {
        List<String> lines = new ArrayList<>(unfence(raw.replace("\r\n", "\n")).lines().toList());
        List<String> out = new ArrayList<>();
        int i = 0;
        int files = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            boolean gitHeader = line.startsWith("diff --git ");
            boolean plainHeader = line.startsWith("--- ") && i + 1 < lines.size() && lines.get(i + 1).startsWith("+++ ");
            if (!gitHeader && !plainHeader) {
                i++; // chatter before, between or after file sections
                continue;
            }
            i = readFile(lines, i, out);
            files++;
        }
        if (files == 0) {
            throw new MalformedFixPatchException("expected a unified diff with '--- a/path' and '+++ b/path' lines, "
                    + "found none");
        }
        return String.join("\n", out) + "\n";
    }

    private static int readFile(List<String> lines, int start, List<String> out) {
        List<String> header = new ArrayList<>();
        int i = start;
        String oldPath = null;
        String newPath = null;
        String gitLine = null;
        while (i < lines.size() && !HUNK.matcher(lines.get(i)).matches()) {
            String line = lines.get(i);
            if (line.startsWith("diff --git ")) {
                if (gitLine != null) break; // a file section without hunks (mode change, binary): next file
                gitLine = line;
            } else if (line.startsWith("--- ")) {
                oldPath = pathOf(line.substring(4));
            } else if (line.startsWith("+++ ")) {
                newPath = pathOf(line.substring(4));
            } else if (!(line.startsWith("index ") || line.startsWith("new file mode") || line.startsWith("deleted file mode")
                    || line.startsWith("old mode") || line.startsWith("new mode") || line.startsWith("similarity index")
                    || line.startsWith("rename ") || line.startsWith("copy ") || line.startsWith("Binary files"))) {
                break;
            }
            header.add(line);
            i++;
        }
        if (oldPath == null || newPath == null) {
            throw new MalformedFixPatchException("expected '--- ' and '+++ ' lines after '" + lines.get(start)
                    + "', found " + (oldPath == null ? "no '--- ' line" : "no '+++ ' line"));
        }
        if (gitLine == null) {
            String a = oldPath.equals("/dev/null") ? newPath : oldPath;
            String b = newPath.equals("/dev/null") ? oldPath : newPath;
            out.add("diff --git a/" + a + " b/" + b);
            if (oldPath.equals("/dev/null")) out.add("new file mode 100644");
            if (newPath.equals("/dev/null")) out.add("deleted file mode 100644");
        }
        for (String h : header) {
            if (h.startsWith("--- ")) out.add("--- " + (oldPath.equals("/dev/null") ? oldPath : "a/" + oldPath));
            else if (h.startsWith("+++ ")) out.add("+++ " + (newPath.equals("/dev/null") ? newPath : "b/" + newPath));
            else out.add(h);
        }
        int hunks = 0;
        while (i < lines.size()) {
            Matcher hunk = HUNK.matcher(lines.get(i));
            if (!hunk.matches()) break;
            i = readHunk(lines, i, hunk, out);
            hunks++;
        }
        if (hunks == 0 && !header.stream().anyMatch(h -> h.startsWith("deleted file mode"))) {
            throw new MalformedFixPatchException("the diff of " + newPath + " has no '@@ -a,b +c,d @@' hunk");
        }
        return i;
    }

    private static int readHunk(List<String> lines, int start, Matcher header, List<String> out) {
        List<String> body = new ArrayList<>();
        int oldCount = 0;
        int newCount = 0;
        int i = start + 1;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (HUNK.matcher(line).matches() || line.startsWith("diff --git ")) break;
            if (line.startsWith("--- ") && i + 1 < lines.size() && lines.get(i + 1).startsWith("+++ ")) break;
            if (line.startsWith("```")) break;
            char kind = line.isEmpty() ? ' ' : line.charAt(0);
            switch (kind) {
                case ' ' -> {
                    oldCount++;
                    newCount++;
                    body.add(line.isEmpty() ? " " : line);
                }
                case '-' -> {
                    oldCount++;
                    body.add(line);
                }
                case '+' -> {
                    newCount++;
                    body.add(line);
                }
                case '\\' -> body.add(line);
                default -> {
                    // a line without a prefix ends the hunk: models append prose after the diff
                    return finish(header, oldCount, newCount, body, out, i);
                }
            }
        }
        return finish(header, oldCount, newCount, body, out, i);
    }

    private static int finish(Matcher header, int oldCount, int newCount, List<String> body, List<String> out, int next) {
        int oldStart = Integer.parseInt(header.group(1));
        int newStart = Integer.parseInt(header.group(2));
        // a side with lines starts at line 1 or later; only an empty side may say 0 (GNU diff's convention)
        if (oldCount > 0 && oldStart == 0) oldStart = 1;
        if (newCount > 0 && newStart == 0) newStart = 1;
        out.add("@@ -%d,%d +%d,%d @@%s".formatted(oldStart, oldCount, newStart, newCount, header.group(3)));
        out.addAll(body);
        return next;
    }

    private static String pathOf(String headerValue) {
        String value = headerValue.strip();
        int tab = value.indexOf('\t'); // "--- a/x.c\t2024-01-01 10:00:00" from diff -u
        if (tab >= 0) value = value.substring(0, tab);
        if (value.equals("/dev/null")) return value;
        if (value.startsWith("a/") || value.startsWith("b/")) value = value.substring(2);
        return value;
    }

    private static String unfence(String text) {
        int fence = text.indexOf("```");
        if (fence < 0) return text;
        int bodyStart = text.indexOf('\n', fence);
        if (bodyStart < 0) return text;
        int end = text.indexOf("\n```", bodyStart);
        return end < 0 ? text.substring(bodyStart + 1) : text.substring(bodyStart + 1, end + 1);
    }
}
