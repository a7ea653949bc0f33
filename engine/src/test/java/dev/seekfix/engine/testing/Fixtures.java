package dev.seekfix.engine.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared engine fixtures ({@code seekfix.fixtures}); tests skip with a message when absent. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path engine() {
        String root = System.getProperty("seekfix.fixtures");
        Assumptions.assumeTrue(root != null, "system property seekfix.fixtures is not set; run through Maven");
        Path p = Path.of(root, "engine");
        Assumptions.assumeTrue(Files.isDirectory(p), "engine fixtures not found at " + p);
        return p;
    }

    public static Path model(String fileName) {
        Path p = engine().resolve("models").resolve(fileName);
        Assumptions.assumeTrue(Files.isRegularFile(p), "fixture model not found: " + p);
        return p;
    }

    public static Path file(String relative) {
        Path p = engine().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "fixture not found: " + p);
        return p;
    }
}
