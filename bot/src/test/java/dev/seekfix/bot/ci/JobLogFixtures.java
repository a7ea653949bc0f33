package dev.seekfix.bot.ci;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The job logs under {@code src/test/resources/ci/logs}, written in the tools' and the runner's real formats. */
public final class JobLogFixtures {

    private JobLogFixtures() {
    }

    public static String read(String name) {
        try (InputStream in = JobLogFixtures.class.getResourceAsStream("/ci/logs/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test log /ci/logs/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
