package dev.seekfix.bot.app;

import picocli.CommandLine;

/** {@code seekfix}: the App server and its tools. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new SeekfixCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
        if (exit != 0 || !ServeCommand.isServing()) System.exit(exit);
    }
}
