package dev.seekfix.bot.fix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's auto-fix settings (environment; per-repository behaviour comes from {@code .github/seekfix.yml}'s
 * {@code fix} section).
 *
 * <ul>
 *   <li>{@code SEEKFIX_FIX_SANDBOX} {@code on|off} (off): run verify commands on this host</li>
 *   <li>{@code SEEKFIX_FIX_SANDBOX_TIMEOUT} seconds (600): time limit of one verify command</li>
 *   <li>{@code SEEKFIX_FIX_SANDBOX_FORKS} {@code on|off} (off): also run pull requests from forks</li>
 *   <li>{@code SEEKFIX_FIX_VERIFY}: lines {@code owner/repo = command}, {@code * = command} for the rest</li>
 *   <li>{@code SEEKFIX_FIX_ROUNDS} (2): model questions per attempt (a refused patch goes back with the reason)</li>
 *   <li>{@code SEEKFIX_FIX_MAX_FILES} (5), {@code SEEKFIX_FIX_MAX_LINES} (200): patch size limits</li>
 * </ul>
 */
public record FixServerSettings(SandboxSettings sandbox, VerifyCommands verifyCommands, int rounds, PatchLimits limits,
                                Path scratch) {

    public static FixServerSettings fromEnvironment(Map<String, String> env, Path dataDir) {
        Path work = dataDir.resolve("fix-work");
        SandboxSettings sandbox = new SandboxSettings(flag(env, "SEEKFIX_FIX_SANDBOX"),
                Duration.ofSeconds(number(env, "SEEKFIX_FIX_SANDBOX_TIMEOUT", 600)), flag(env, "SEEKFIX_FIX_SANDBOX_FORKS"),
                work.resolve("sandbox"));
        VerifyCommands verify = Optional.ofNullable(env.get("SEEKFIX_FIX_VERIFY")).filter(s -> !s.isBlank())
                .map(VerifyCommands::parse).orElse(VerifyCommands.NONE);
        PatchLimits limits = new PatchLimits((int) number(env, "SEEKFIX_FIX_MAX_FILES", 5),
                (int) number(env, "SEEKFIX_FIX_MAX_LINES", 200), PatchLimits.ALWAYS_FORBIDDEN);
        return new FixServerSettings(sandbox, verify, (int) number(env, "SEEKFIX_FIX_ROUNDS", 2), limits,
                work.resolve("patches"));
    }

    private static boolean flag(Map<String, String> env, String name) {
        String v = env.getOrDefault(name, "off").strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "on", "true", "1", "yes" -> true;
            case "off", "false", "0", "no", "" -> false;
            default -> throw new IllegalArgumentException(name + " must be on or off, found '" + v + "'");
        };
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            long n = Long.parseLong(v.strip());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number >= 1, found '" + v + "'");
        }
    }
}
