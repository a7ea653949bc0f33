package dev.seekfix.webhooks.recovery;

import dev.seekfix.webhooks.support.GitHubSender;
import dev.seekfix.webhooks.support.RunningIntake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link SlowHandlerServer} child process: started with the test's classpath, killed with SIGKILL. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    final int port;
    final long pid;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.pid = process.pid();
    }

    static ServerProcess start(Path log, Map<String, String> env) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SlowHandlerServer.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("SEEKFIX_PORT", Integer.toString(port));
        builder.environment().put("SEEKFIX_HOST", "127.0.0.1");
        builder.environment().put("SEEKFIX_WEBHOOK_SECRET", RunningIntake.SECRET);
        ServerProcess server = new ServerProcess(builder.start(), port);
        server.awaitReady(Duration.ofSeconds(60), log);
        return server;
    }

    private void awaitReady(Duration timeout, Path log) {
        GitHubSender probe = new GitHubSender(port, RunningIntake.SECRET);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("server process exited early; see " + log);
            try {
                if (probe.get(port, "/readyz", null).statusCode() == 200) return;
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(100);
        }
        throw new AssertionError("server not ready within " + timeout + "; see " + log);
    }

    GitHubSender sender() {
        return new GitHubSender(port, RunningIntake.SECRET);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed — a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
