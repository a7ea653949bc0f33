package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gcc and clang errors (they share a format): {@code a.c:3:5: error: use of undeclared identifier 'x'} and
 * {@code fatal error: foo.h: No such file or directory}. Warnings are skipped; under {@code -Werror} the compiler
 * prints them as {@code error: … [-Werror=…]}, and those are kept.
 */
public final class CcParser implements FailureParser {

    private static final Pattern ERROR = Pattern.compile(
            "^(\\S.*?\\.(?:c|cc|cpp|cxx|c\\+\\+|h|hh|hpp|hxx|m|mm|cu|cuh)):(\\d+):(\\d+): (?:fatal )?error: (.+)$");

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        for (String line : lines) {
            Matcher m = ERROR.matcher(line);
            if (!m.matches()) continue;
            facts.add(new CompileError("cc", new SourceLocation(WorkspacePaths.relativize(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), "", m.group(4).strip()));
        }
        return facts;
    }
}
