package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ESLint errors (warnings are skipped) in its default {@code stylish} format — a file path alone on a line, then
 * {@code   3:7  error  'x' is assigned a value but never used  no-unused-vars} rows — and in the {@code unix}
 * format ({@code src/a.js:3:7: 'x' is assigned … [Error/no-unused-vars]}).
 */
public final class EslintParser implements FailureParser {

    private static final Pattern FILE = Pattern.compile("^((?:/|[A-Za-z]:\\\\|\\./)?\\S+\\.(?:js|jsx|ts|tsx|mjs|cjs|mts|cts|vue|svelte|astro|json))\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\s+(\\d+):(\\d+)\\s+(error|warning)\\s+(.+?)(?:\\s{2,}(\\S+))?\\s*$");
    private static final Pattern UNIX = Pattern.compile("^(\\S+?):(\\d+):(\\d+): (.+?) \\[(Error|Warning)/(\\S+)\\]$");

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        String file = null;
        for (String line : lines) {
            Matcher unix = UNIX.matcher(line);
            if (unix.matches()) {
                if (unix.group(5).equals("Error")) {
                    facts.add(new LintError("eslint", new SourceLocation(WorkspacePaths.relativize(unix.group(1)),
                            Integer.parseInt(unix.group(2)), Integer.parseInt(unix.group(3))), unix.group(6),
                            unix.group(4).strip()));
                }
                continue;
            }
            Matcher f = FILE.matcher(line);
            if (f.matches()) {
                file = WorkspacePaths.relativize(f.group(1));
                continue;
            }
            if (line.isBlank()) {
                file = null;
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (file == null || !row.matches()) continue;
            if (!row.group(3).equals("error")) continue;
            facts.add(new LintError("eslint", new SourceLocation(file, Integer.parseInt(row.group(1)),
                    Integer.parseInt(row.group(2))), row.group(5) == null ? "" : row.group(5), row.group(4).strip()));
        }
        return facts;
    }
}
