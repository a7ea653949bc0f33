package dev.seekfix.webhooks.recovery;

import dev.seekfix.webhooks.IntakeSettings;
import dev.seekfix.webhooks.WebhookIntake;
import dev.seekfix.webhooks.queue.Outcome;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The intake in a process of its own, with a deliberately slow handler that journals each start and completion
 * (one line each, appended and forced to disk) — so a test can kill the process mid-job and count what ran.
 */
public final class SlowHandlerServer {

    private SlowHandlerServer() {
    }

    public static void main(String[] args) throws Exception {
        long delay = Long.parseLong(System.getenv().getOrDefault("SEEKFIX_TEST_HANDLER_MS", "2000"));
        Path journal = Path.of(System.getenv("SEEKFIX_TEST_JOURNAL"));
        long pid = ProcessHandle.current().pid();
        IntakeSettings settings = IntakeSettings.fromEnvironment(System.getenv());
        WebhookIntake intake = new WebhookIntake(settings, delivery -> {
            append(journal, "start %s attempt=%d recovery=%s pid=%d".formatted(delivery.id(), delivery.attempt(), delivery.recovery(), pid));
            Thread.sleep(delay);
            append(journal, "done %s pid=%d".formatted(delivery.id(), pid));
            return new Outcome.Done("slow handler finished");
        }).start();
        Runtime.getRuntime().addShutdownHook(new Thread(intake::close));
        System.out.println("READY port=" + intake.port());
    }

    private static synchronized void append(Path journal, String line) throws IOException {
        try (FileChannel out = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
    }
}
