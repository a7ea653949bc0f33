package dev.seekfix.bot.ci;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JVM stack frames ({@code at com.acme.GreeterTest.greets(GreeterTest.java:14)}) and keeps those of the
 * repository's own code: frames of the JDK, test frameworks, assertion libraries and build tools are dropped.
 */
final class JvmFrames {

    // "at java.base/java.lang.reflect.Method.invoke(Method.java:580)", "at app//AppTest.test(AppTest.java:12)"
    private static final Pattern FRAME = Pattern.compile(
            "^\\s*at (?:[\\w.$-]+(?:@[\\w.-]+)?/{1,2})?([\\w$.<>]+)\\.([\\w$<>-]+)\\(([^:()]*)(?::(\\d+))?\\)\\s*$");
    private static final List<String> FOREIGN = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "junit.", "org.opentest4j.",
            "org.assertj.", "org.hamcrest.", "org.mockito.", "org.apache.maven.", "org.gradle.",
            "worker.org.gradle.", "kotlin.", "kotlinx.", "org.testng.", "org.spockframework.", "groovy.",
            "org.codehaus.groovy.", "scala.", "net.bytebuddy.", "org.springframework.test.",
            "io.kotest.", "com.google.common.truth.");

    private JvmFrames() {
    }

    static boolean isFrame(String line) {
        return FRAME.matcher(line).matches();
    }

    /** The frame on this line when it belongs to the repository's code. */
    static Optional<StackFrame> inRepo(String text) {
        Matcher m = FRAME.matcher(text);
        if (!m.matches()) return Optional.empty();
        String className = m.group(1);
        for (String prefix : FOREIGN) {
            if (className.startsWith(prefix)) return Optional.empty();
        }
        String file = m.group(3);
        if (file.isEmpty() || file.equals("Unknown Source") || file.equals("Native Method")) return Optional.empty();
        int line = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        return Optional.of(new StackFrame(className + "." + m.group(2), sourcePath(className, file), line));
    }

    /** {@code com.acme.Greeter$Inner} in {@code Greeter.java} → {@code com/acme/Greeter.java}, a path suffix. */
    static String sourcePath(String className, String file) {
        int lastDot = className.lastIndexOf('.');
        String pkg = lastDot < 0 ? "" : className.substring(0, lastDot);
        return pkg.isEmpty() ? file : pkg.replace('.', '/') + "/" + file;
    }
}
