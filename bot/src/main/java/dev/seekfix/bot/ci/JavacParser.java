package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * javac errors, as Maven's compiler plugin prints them
 * ({@code [ERROR] /path/Greeter.java:[12,5] cannot find symbol}) and as javac itself prints them under Gradle,
 * Ant or a plain shell ({@code src/Greeter.java:12: error: cannot find symbol}, then the source line and a caret).
 * The {@code symbol:}/{@code location:} lines that follow become part of the message.
 */
public final class JavacParser implements FailureParser {

    private static final Pattern MAVEN = Pattern.compile(
            "^\\[ERROR\\] (?:file:)?(\\S.*?\\.java):\\[(\\d+),(\\d+)\\] (.+)$");
    private static final Pattern PLAIN = Pattern.compile("^(\\S.*?\\.java):(\\d+): error: (.+)$");
    private static final Pattern DETAIL = Pattern.compile(
            "^(?:\\[ERROR\\])?\\s+(symbol|location|required|found|reason|where)\\s*:\\s*(.*)$");
    private static final Pattern CARET = Pattern.compile("^(\\s*)\\^\\s*$");

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher maven = MAVEN.matcher(line);
            if (maven.matches()) {
                StringBuilder message = new StringBuilder(maven.group(4).strip());
                i = appendDetails(lines, i + 1, message) - 1;
                facts.add(error(maven.group(1), Integer.parseInt(maven.group(2)), Integer.parseInt(maven.group(3)),
                        message.toString()));
                continue;
            }
            Matcher plain = PLAIN.matcher(line);
            if (plain.matches()) {
                int column = 0;
                int next = i + 1;
                // javac prints the offending source line and a caret under the column
                if (next + 1 < lines.size()) {
                    Matcher caret = CARET.matcher(lines.get(next + 1));
                    if (caret.matches()) {
                        column = caret.group(1).length() + 1;
                        next += 2;
                    }
                }
                StringBuilder message = new StringBuilder(plain.group(3).strip());
                i = appendDetails(lines, next, message) - 1;
                facts.add(error(plain.group(1), Integer.parseInt(plain.group(2)), column, message.toString()));
            }
        }
        return facts;
    }

    private static int appendDetails(List<String> lines, int from, StringBuilder message) {
        int i = from;
        while (i < lines.size()) {
            Matcher detail = DETAIL.matcher(lines.get(i));
            if (!detail.matches()) break;
            message.append('\n').append(detail.group(1)).append(": ").append(detail.group(2).strip());
            i++;
        }
        return i;
    }

    private static CompileError error(String path, int line, int column, String message) {
        return new CompileError("javac", new SourceLocation(WorkspacePaths.relativize(path), line, column), "",
                message);
    }
}
