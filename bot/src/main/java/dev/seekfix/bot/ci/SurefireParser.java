package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JUnit/TestNG failures as Maven Surefire and Failsafe print them. The detail block comes first
 * ({@code [ERROR] com.acme.GreeterTest.greets -- Time elapsed: 0.01 s <<< FAILURE!} in Surefire 3,
 * {@code [ERROR] greets(com.acme.GreeterTest)  Time elapsed: 0.01 s  <<< FAILURE!} in Surefire 2), then the
 * exception with the assertion ({@code expected: <…> but was: <…>}) and its stack. The "Results:" summary
 * ({@code [ERROR]   GreeterTest.greets:14 expected: …}) is used for tests whose detail block is missing.
 */
public final class SurefireParser implements FailureParser {

    private static final Pattern DETAIL_3 = Pattern.compile(
            "^(?:\\[ERROR\\] )?([\\w$.]+)\\.([\\w$]+(?:\\(.*?\\))?(?:\\[\\d+\\])?) +-- Time elapsed: .*<<< (FAILURE|ERROR)!\\s*$");
    private static final Pattern DETAIL_2 = Pattern.compile(
            "^(?:\\[ERROR\\] )?([\\w$]+(?:\\[\\d+\\])?)\\(([\\w$.]+)\\) +Time elapsed: .*<<< (FAILURE|ERROR)!\\s*$");
    private static final Pattern SUMMARY_HEADER = Pattern.compile("^\\[ERROR\\] (Failures|Errors): ?\\s*$");
    private static final Pattern SUMMARY_ROW = Pattern.compile(
            "^\\[ERROR\\]\\s{2,}([\\w$]+)\\.([\\w$]+)(?:\\(.*?\\))?(?:\\[\\d+\\])?:(\\d+)\\s+(?:» )?(.*)$");

    @Override
    public List<FailureFact> parse(List<String> lines) {
        Map<String, TestFailure> byName = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("Tests run:")) continue;
            String className;
            String method;
            Matcher d3 = DETAIL_3.matcher(line);
            Matcher d2 = DETAIL_2.matcher(line);
            if (d3.matches()) {
                className = d3.group(1);
                method = d3.group(2);
            } else if (d2.matches()) {
                className = d2.group(2);
                method = d2.group(1);
            } else {
                continue;
            }
            i = readDetail(lines, i + 1, className, method, byName) - 1;
        }
        readSummary(lines, byName);
        return new ArrayList<>(byName.values());
    }

    private static int readDetail(List<String> lines, int from, String className, String method,
                                  Map<String, TestFailure> out) {
        List<String> messageLines = new ArrayList<>();
        List<StackFrame> frames = new ArrayList<>();
        int i = from;
        // the exception and its message run until the first frame
        while (i < lines.size() && !JvmFrames.isFrame(lines.get(i)) && !lines.get(i).isBlank()
                && !lines.get(i).startsWith("[")) {
            messageLines.add(lines.get(i).strip());
            i++;
        }
        while (i < lines.size()) {
            String line = lines.get(i);
            if (JvmFrames.isFrame(line)) {
                JvmFrames.inRepo(line).ifPresent(frames::add);
            } else if (!line.strip().startsWith("Caused by:") && !line.strip().startsWith("...")) {
                break;
            }
            i++;
        }
        String simpleClass = className.substring(className.lastIndexOf('.') + 1);
        Optional<SourceLocation> location = frames.stream()
                .filter(f -> f.symbol().startsWith(className + ".") || f.path().endsWith("/" + simpleClass + ".java")
                        || f.path().endsWith("/" + simpleClass + ".kt"))
                .findFirst()
                .or(() -> frames.stream().findFirst())
                .map(f -> new SourceLocation(f.path(), f.line(), 0));
        String message = messageLines.isEmpty() ? "" : messageLines.getFirst();
        List<String> details = messageLines.size() > 1 ? messageLines.subList(1, messageLines.size()) : List.of();
        String name = className + "." + method;
        out.putIfAbsent(name, new TestFailure("junit", name, message, details, location, frames));
        return i;
    }

    private static void readSummary(List<String> lines, Map<String, TestFailure> out) {
        boolean inSummary = false;
        for (String line : lines) {
            if (SUMMARY_HEADER.matcher(line).matches()) {
                inSummary = true;
                continue;
            }
            if (!inSummary) continue;
            Matcher row = SUMMARY_ROW.matcher(line);
            if (!row.matches()) {
                if (!line.startsWith("[ERROR]   ")) inSummary = false;
                continue;
            }
            String simpleClass = row.group(1);
            String method = row.group(2);
            boolean known = out.keySet().stream().anyMatch(
                    n -> n.endsWith("." + simpleClass + "." + method) || n.equals(simpleClass + "." + method));
            if (known) continue;
            String name = simpleClass + "." + method;
            SourceLocation at = new SourceLocation(simpleClass + ".java", Integer.parseInt(row.group(3)), 0);
            out.put(name, new TestFailure("junit", name, row.group(4).strip(), List.of(), Optional.of(at),
                    List.of(new StackFrame(name, at.path(), at.line()))));
        }
    }
}
