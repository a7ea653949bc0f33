package dev.seekfix.bot.fix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The verify command of each repository, e.g. {@code mvn -q -pl core test -Dtest={tests}}: what the sandbox runs to
 * call a fix verified. Configured by the operator as lines {@code owner/repo = command} ({@code * = command} for
 * every other repository), since the command runs on the seekfix host.
 */
@FunctionalInterface
public interface VerifyCommands {

    Optional<String> forRepository(String repository);

    VerifyCommands NONE = repository -> Optional.empty();

    /** Parses {@code owner/repo = command} lines; blank lines and lines starting with {@code #} are skipped. */
    static VerifyCommands parse(String lines) {
        Map<String, String> commands = new LinkedHashMap<>();
        int number = 0;
        for (String line : lines.split("\n")) {
            number++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            int eq = l.indexOf('=');
            if (eq <= 0 || l.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("verify commands line %d: expected 'owner/repo = command', found '%s'"
                        .formatted(number, l));
            }
            commands.put(l.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), l.substring(eq + 1).strip());
        }
        return repository -> Optional.ofNullable(commands.get(repository.toLowerCase(java.util.Locale.ROOT)))
                .or(() -> Optional.ofNullable(commands.get("*")));
    }
}
