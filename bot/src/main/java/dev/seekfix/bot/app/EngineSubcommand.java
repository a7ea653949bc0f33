package dev.seekfix.bot.app;

import picocli.CommandLine.Command;

/**
 * {@code seekfix engine …}: listed here for {@code seekfix --help}; {@link Main} hands everything after
 * {@code engine} to the engine's own command line unchanged.
 */
@Command(name = "engine", description = "The inference engine: info, tokenize, logits, generate, bench, quantize, init-random "
        + "(seekfix engine --help).")
final class EngineSubcommand implements Runnable {
    @Override
    public void run() {
        dev.seekfix.engine.api.EngineCommandLine.execute("--help");
    }
}
