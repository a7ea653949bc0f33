package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's checkers: mypy ({@code src/app.py:12: error: Incompatible return value type  [return-value]}) as type
 * errors, and ruff/flake8 ({@code src/app.py:3:1: F401 'os' imported but unused}) as lint errors.
 */
public final class PythonCheckParser implements FailureParser {

    private static final Pattern MYPY = Pattern.compile("^(\\S+?\\.pyi?):(\\d+)(?::(\\d+))?: error: (.+?)(?:\\s+\\[([\\w-]+)\\])?$");
    private static final Pattern FLAKE = Pattern.compile("^(\\S+?\\.pyi?):(\\d+):(\\d+): ([A-Z]{1,3}\\d{2,4}) (.+)$");

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        for (String line : lines) {
            Matcher mypy = MYPY.matcher(line);
            if (mypy.matches()) {
                int column = mypy.group(3) == null ? 0 : Integer.parseInt(mypy.group(3));
                facts.add(new CompileError("mypy", new SourceLocation(WorkspacePaths.relativize(mypy.group(1)),
                        Integer.parseInt(mypy.group(2)), column), mypy.group(5) == null ? "" : mypy.group(5),
                        mypy.group(4).strip()));
                continue;
            }
            Matcher flake = FLAKE.matcher(line);
            if (flake.matches()) {
                facts.add(new LintError("ruff", new SourceLocation(WorkspacePaths.relativize(flake.group(1)),
                        Integer.parseInt(flake.group(2)), Integer.parseInt(flake.group(3))), flake.group(4),
                        flake.group(5).strip()));
            }
        }
        return facts;
    }
}
