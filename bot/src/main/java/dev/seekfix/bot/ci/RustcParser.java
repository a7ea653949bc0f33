package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rustc errors: {@code error[E0308]: mismatched types} followed within a few lines by
 * {@code  --> src/main.rs:4:18}. Errors without a location ({@code error: could not compile …}) are summaries of
 * the located ones and are skipped.
 */
public final class RustcParser implements FailureParser {

    private static final Pattern HEADER = Pattern.compile("^error(?:\\[(E\\d{4})\\])?: (.+)$");
    private static final Pattern ARROW = Pattern.compile("^\\s*--> (\\S.*?):(\\d+):(\\d+)$");
    private static final int ARROW_WITHIN = 4;

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher header = HEADER.matcher(lines.get(i));
            if (!header.matches()) continue;
            for (int j = i + 1; j < Math.min(lines.size(), i + 1 + ARROW_WITHIN); j++) {
                if (HEADER.matcher(lines.get(j)).matches()) break;
                Matcher arrow = ARROW.matcher(lines.get(j));
                if (arrow.matches()) {
                    String code = header.group(1) == null ? "" : header.group(1);
                    facts.add(new CompileError("rustc", new SourceLocation(WorkspacePaths.relativize(arrow.group(1)),
                            Integer.parseInt(arrow.group(2)), Integer.parseInt(arrow.group(3))), code,
                            header.group(2).strip()));
                    i = j;
                    break;
                }
            }
        }
        return facts;
    }
}
