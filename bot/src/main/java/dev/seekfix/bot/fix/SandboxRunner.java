package dev.seekfix.bot.fix;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one shell command in a directory with a time limit and an environment built from an allow-list: only
 * {@code PATH}, locale and tool locations pass through from the host; {@code HOME} and {@code TMPDIR} point into
 * the sandbox. Nothing whose name looks like a secret ({@code *TOKEN*}, {@code *SECRET*}, {@code *PASSWORD*},
 * {@code *KEY*}, {@code GITHUB_*}, {@code SEEKFIX_*}) passes, even when allow-listed. On time-out the whole
 * process tree is killed.
 */
public final class SandboxRunner {

    private static final List<String> PASSED_THROUGH = List.of("PATH", "LANG", "LC_ALL", "JAVA_HOME", "MAVEN_HOME",
            "GRADLE_HOME", "GOROOT", "CARGO_HOME", "RUSTUP_HOME", "NODE_PATH", "PYTHONPATH", "VIRTUAL_ENV");
    private static final int TAIL_BYTES = 4_000;

    /** @param exitCode -1 when killed on time-out */
    public record Result(int exitCode, boolean timedOut, Duration took, String outputTail) {
        public boolean passed() {
            return !timedOut && exitCode == 0;
        }
    }

    private final Map<String, String> hostEnvironment;

    /** @param hostEnvironment the environment the allow-list picks from ({@link System#getenv()} in production) */
    public SandboxRunner(Map<String, String> hostEnvironment) {
        this.hostEnvironment = Map.copyOf(hostEnvironment);
    }

    public Result run(String command, Path workDir, Path sandboxHome, Duration timeout) throws IOException {
        Files.createDirectories(sandboxHome);
        Path tmp = Files.createDirectories(sandboxHome.resolve("tmp"));
        Path output = sandboxHome.resolve("output-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment(sandboxHome, tmp));
        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running the verify command", e);
        }
        if (!finished) kill(process);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Result(finished ? process.exitValue() : -1, !finished, took, tail(output));
    }

    Map<String, String> environment(Path home, Path tmp) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : PASSED_THROUGH) {
            String value = hostEnvironment.get(name);
            if (value != null && !looksSecret(name)) env.put(name, value);
        }
        env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("TMPDIR", tmp.toString());
        env.put("CI", "true");
        return env;
    }

    static boolean looksSecret(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.contains("TOKEN") || n.contains("SECRET") || n.contains("PASSWORD") || n.contains("KEY")
                || n.startsWith("GITHUB_") || n.startsWith("SEEKFIX_") || n.startsWith("ACTIONS_");
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path output) throws IOException {
        if (!Files.exists(output)) return "";
        try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return from > 0 ? "…" + text : text;
        }
    }
}
