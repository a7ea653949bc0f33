package dev.seekfix.bot.app;

import dev.seekfix.engine.api.EngineCommandLine;
import picocli.CommandLine;

import java.util.Arrays;

/** {@code seekfix}: the App server and its tools. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("engine")) {
            System.exit(EngineCommandLine.execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        CommandLine commandLine = new CommandLine(new SeekfixCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof InvalidSettingException || e instanceof IllegalArgumentException
                    || e instanceof dev.seekfix.engine.api.EngineException) {
                line.getErr().println("seekfix: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        int exit = commandLine.execute(args);
        if (exit != 0 || !ServeCommand.isServing()) System.exit(exit);
    }
}
