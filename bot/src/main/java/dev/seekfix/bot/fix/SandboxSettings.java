package dev.seekfix.bot.fix;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The operator's settings for running repository commands on the seekfix host. Off by default: the command runs
 * the pull request's code with the host's tools, isolated only by a temporary checkout and an environment without
 * secrets, so turn it on only for repositories whose contributors you trust. Pull requests from forks are never
 * run unless {@code runForForks}.
 *
 * @param workRoot where temporary checkouts are made (and deleted)
 */
public record SandboxSettings(boolean enabled, Duration timeout, boolean runForForks, Path workRoot) {

    public SandboxSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the sandbox time limit must be positive, found " + timeout);
        }
    }

    public static SandboxSettings off(Path workRoot) {
        return new SandboxSettings(false, Duration.ofMinutes(10), false, workRoot);
    }
}
