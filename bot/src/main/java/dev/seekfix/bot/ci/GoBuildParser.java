package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go compiler and vet errors: {@code ./main.go:5:2: undefined: x}, printed at the start of the line under a
 * {@code # package} header. {@code go test}'s own messages are indented and carry no column, so they do not match.
 */
public final class GoBuildParser implements FailureParser {

    private static final Pattern ERROR = Pattern.compile("^(\\S+?\\.go):(\\d+):(\\d+): (.+)$");

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        for (String line : lines) {
            Matcher m = ERROR.matcher(line);
            if (!m.matches()) continue;
            facts.add(new CompileError("go", new SourceLocation(WorkspacePaths.relativize(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), "", m.group(4).strip()));
        }
        return facts;
    }
}
