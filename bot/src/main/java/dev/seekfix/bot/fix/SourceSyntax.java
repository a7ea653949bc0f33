package dev.seekfix.bot.fix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The compile check seekfix can afford in-process: does a changed file still parse? Java through javac's parser
 * (no classpath, no type checking), JSON and YAML through Jackson. Only errors the patch introduces count: a file
 * that did not parse at the head (a half-finished PR) is compared by error count. Other languages are not checked
 * here; the sandbox command is the real test.
 */
public final class SourceSyntax {

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Problems in {@code after} beyond those {@code before} already had; empty when the patch keeps it parsing. */
    public List<String> newProblems(String path, Optional<String> before, String after) {
        List<String> now = problems(path, after);
        if (now.isEmpty()) return now;
        int earlier = before.map(b -> problems(path, b).size()).orElse(0);
        return now.size() > earlier ? now : List.of();
    }

    public List<String> problems(String path, String text) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".java")) return java(path, text);
        if (lower.endsWith(".json")) return parse(json, text);
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) return parse(yaml, text);
        return List.of();
    }

    private List<String> java(String path, String text) {
        if (javac == null) return List.of(); // a JRE without the compiler module: skip, the sandbox still runs
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(source));
        try {
            task.parse();
        } catch (IOException e) {
            return List.of("javac could not read it: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                problems.add("line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
            }
        }
        return problems;
    }

    private static List<String> parse(ObjectMapper mapper, String text) {
        try {
            mapper.readTree(text);
            return List.of();
        } catch (IOException e) {
            return List.of(e.getMessage().lines().findFirst().orElse("does not parse"));
        }
    }
}
