package dev.seekfix.bot.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Verifies a checked patch by running the repository's verify command in a temporary checkout of the PR head:
 * once without the patch (it must fail, else the command does not reproduce the failure) and once with it (it must
 * pass). {@code {tests}} in the command is replaced by the failing tests' names, comma-separated and single-quoted,
 * keeping only names made of characters that cannot end the quote.
 */
public final class SandboxVerifier {

    private static final Pattern SAFE_TEST_NAME = Pattern.compile("[A-Za-z0-9_.#:/\\[\\]-]+");

    private final SandboxSettings settings;
    private final HeadCheckout checkout;
    private final SandboxRunner runner;

    public SandboxVerifier(SandboxSettings settings, HeadCheckout checkout, SandboxRunner runner) {
        this.settings = settings;
        this.checkout = checkout;
        this.runner = runner;
    }

    /** What the verifier would run for a pull request, or why it would not. */
    public record Target(String repository, long installationId, int pullNumber, String headSha, boolean fromFork) {
    }

    public Verification verify(Target target, String commandTemplate, List<String> failingTests, CheckedPatch patch) {
        if (commandTemplate == null || commandTemplate.isBlank()) {
            return new Verification.NotRun("no verify command is configured for this repository.");
        }
        if (!settings.enabled()) {
            return new Verification.NotRun("sandbox verification is turned off on this seekfix server.");
        }
        if (target.fromFork() && !settings.runForForks()) {
            return new Verification.NotRun("seekfix does not run code from forks on its host.");
        }
        String command = expand(commandTemplate, failingTests);
        Path dir = null;
        try {
            Files.createDirectories(settings.workRoot());
            dir = Files.createTempDirectory(settings.workRoot(), "verify-");
            Path work = Files.createDirectories(dir.resolve("checkout"));
            Path home = Files.createDirectories(dir.resolve("home"));
            checkout.checkout(target.repository(), target.installationId(), target.pullNumber(), target.headSha(), work);

            SandboxRunner.Result before = runner.run(command, work, home, settings.timeout());
            if (before.timedOut()) return new Verification.TimedOut(command, settings.timeout(), false);
            if (before.passed()) return new Verification.NotReproduced(command, before.outputTail());

            apply(patch, work);
            SandboxRunner.Result after = runner.run(command, work, home, settings.timeout());
            if (after.timedOut()) return new Verification.TimedOut(command, settings.timeout(), true);
            if (!after.passed()) return new Verification.StillFails(command, after.exitCode(), after.outputTail());
            return new Verification.Verified(command, after.took(), after.outputTail());
        } catch (HeadCheckout.HeadMovedException e) {
            return new Verification.NotRun("the pull request's head moved while verifying (" + e.getMessage() + ").");
        } catch (IOException e) {
            return new Verification.NotRun("the sandbox could not run: " + e.getMessage());
        } finally {
            if (dir != null) PatchCheck.deleteRecursively(dir);
        }
    }

    static String expand(String template, List<String> failingTests) {
        List<String> safe = failingTests.stream().filter(t -> SAFE_TEST_NAME.matcher(t).matches()).distinct().toList();
        // single-quoted: brackets in parametrised test ids must not glob; safe names hold no quote to escape
        return template.replace("{tests}", "'" + String.join(",", safe) + "'");
    }

    private static void apply(CheckedPatch patch, Path work) throws IOException {
        for (FileChange change : patch.changes()) {
            Path file = work.resolve(change.path()).normalize();
            if (!file.startsWith(work)) throw new IOException("the patch names a path outside the checkout: " + change.path());
            if (change.after().isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                Files.createDirectories(file.getParent());
                Files.writeString(file, change.after().get());
            }
        }
    }
}
