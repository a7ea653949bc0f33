package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TypeScript compiler errors in both of tsc's formats: plain ({@code src/a.ts(3,7): error TS2322: …}, continuation
 * lines indented by two spaces) and {@code --pretty} ({@code src/a.ts:3:7 - error TS2322: …}, then a code frame).
 */
public final class TscParser implements FailureParser {

    private static final String FILE = "(\\S.*?\\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs|vue))";
    private static final Pattern PLAIN = Pattern.compile("^" + FILE + "\\((\\d+),(\\d+)\\): error (TS\\d+): (.+)$");
    private static final Pattern PRETTY = Pattern.compile("^" + FILE + ":(\\d+):(\\d+) - error (TS\\d+): (.+)$");

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher plain = PLAIN.matcher(lines.get(i));
            boolean isPlain = plain.matches();
            Matcher m = isPlain ? plain : PRETTY.matcher(lines.get(i));
            if (!isPlain && !m.matches()) continue;
            StringBuilder message = new StringBuilder(m.group(5).strip());
            if (isPlain) {
                // tsc's message chains ("Type 'x' is not assignable…") continue on lines indented by two spaces
                while (i + 1 < lines.size() && lines.get(i + 1).startsWith("  ") && !lines.get(i + 1).isBlank()) {
                    message.append('\n').append(lines.get(++i).strip());
                }
            }
            facts.add(new CompileError("tsc", new SourceLocation(WorkspacePaths.relativize(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), m.group(4), message.toString()));
        }
        return facts;
    }
}
