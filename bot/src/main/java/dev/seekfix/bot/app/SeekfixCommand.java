package dev.seekfix.bot.app;

import picocli.CommandLine.Command;

@Command(name = "seekfix", mixinStandardHelpOptions = true, version = "seekfix 0.1.0",
        description = "Self-hosted GitHub App: reviews pull requests, answers PR commands, fixes failing builds.",
        subcommands = {ServeCommand.class, ReviewCommand.class, ReplayCommand.class, EngineSubcommand.class})
final class SeekfixCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
