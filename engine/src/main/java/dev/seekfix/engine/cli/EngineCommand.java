package dev.seekfix.engine.cli;

import dev.seekfix.engine.api.EngineException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code seekfix engine …}: the engine's tools, like llama.cpp's (DESIGN.md, "Launcher and CLI"). The bot's CLI
 * mounts this class as its {@code engine} subcommand; {@link #main} runs it alone
 * ({@code java -cp … dev.seekfix.engine.cli.EngineCommand info --model m.gguf}). Results go to standard output
 * (JSON where the contract says so), progress and diagnostics to standard error.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Run, inspect, quantize and benchmark DeepSeek-V2 GGUF models in the in-process engine.",
        subcommands = {InfoCommand.class, TokenizeCommand.class, LogitsCommand.class, GenerateCommand.class,
                BenchCommand.class, QuantizeCommand.class, InitRandomCommand.class})
public final class EngineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** A command line with the engine's error handling: an {@link EngineException} prints its message, exit code 1. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EngineCommand());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof EngineException || e instanceof java.io.UncheckedIOException) {
                line.getErr().println("error: " + e.getMessage());
                line.getErr().flush();
                return 1;
            }
            throw e;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
