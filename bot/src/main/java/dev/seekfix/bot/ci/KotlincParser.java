package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kotlin compiler errors, as Gradle prints them ({@code e: file:///…/App.kt:5:13 Unresolved reference 'foo'.}) and
 * as the kotlin-maven-plugin prints them ({@code [ERROR] /…/App.kt: (5, 13) Unresolved reference: foo}).
 */
public final class KotlincParser implements FailureParser {

    private static final Pattern GRADLE = Pattern.compile("^e: (?:file://)?(\\S.*?\\.kts?):(\\d+):(\\d+) (.+)$");
    private static final Pattern MAVEN = Pattern.compile(
            "^\\[ERROR\\] (?:file://)?(\\S.*?\\.kts?): \\((\\d+), (\\d+)\\) (.+)$");

    @Override
    public List<FailureFact> parse(List<String> lines) {
        List<FailureFact> facts = new ArrayList<>();
        for (String line : lines) {
            Matcher m = GRADLE.matcher(line);
            if (!m.matches()) m = MAVEN.matcher(line);
            if (!m.matches()) continue;
            facts.add(new CompileError("kotlinc", new SourceLocation(WorkspacePaths.relativize(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), "", m.group(4).strip()));
        }
        return facts;
    }
}
