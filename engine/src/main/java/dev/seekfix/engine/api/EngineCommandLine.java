package dev.seekfix.engine.api;

/**
 * The engine's command line ({@code seekfix engine info|tokenize|logits|generate|bench|quantize|init-random}), for
 * launchers that mount it as a subcommand.
 */
public final class EngineCommandLine {

    private EngineCommandLine() {
    }

    /** Runs one engine command; returns its exit code (0 ok, 1 engine error, 2 usage error). */
    public static int execute(String... args) {
        return dev.seekfix.engine.cli.EngineCommand.commandLine().execute(args);
    }
}
