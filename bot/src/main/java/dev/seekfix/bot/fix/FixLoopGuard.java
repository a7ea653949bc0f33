package dev.seekfix.bot.fix;

import java.util.Locale;
import java.util.Optional;

/**
 * Never fix seekfix's own fix: a push made with the installation token starts workflows again (GITHUB.md, "CI
 * events"). A run is seekfix's own when its head commit was authored or committed by the App's bot user
 * ({@code <slug>[bot]}, email {@code <id>+<slug>[bot]@users.noreply.github.com}), carries the commit trailer seekfix
 * writes, or ran on one of seekfix's fix branches.
 */
public final class FixLoopGuard {

    /** The trailer every seekfix fix commit carries. */
    public static final String TRAILER = "Seekfix-Fix:";
    /** Prefix of the branches the pull_request mode creates. */
    public static final String BRANCH_PREFIX = "seekfix/fix-";

    private final String botLogin;

    public FixLoopGuard(String botLogin) {
        this.botLogin = botLogin.toLowerCase(Locale.ROOT);
    }

    public Optional<String> reason(FixTrigger trigger) {
        HeadCommit c = trigger.headCommit();
        if (isBot(c.authorName(), c.authorEmail()) || isBot(c.committerName(), c.committerEmail())) {
            return Optional.of("the head commit " + shortSha(c.sha()) + " was made by seekfix (" + botLogin + ")");
        }
        if (c.message().contains(TRAILER)) {
            return Optional.of("the head commit " + shortSha(c.sha()) + " is a seekfix fix (" + TRAILER + " trailer)");
        }
        if (trigger.headBranch().startsWith(BRANCH_PREFIX)) {
            return Optional.of("the run is on seekfix's fix branch " + trigger.headBranch());
        }
        if (trigger instanceof FixTrigger.WorkflowRun run && run.actor().equalsIgnoreCase(botLogin)) {
            return Optional.of("the run was started by seekfix (" + botLogin + ")");
        }
        return Optional.empty();
    }

    private boolean isBot(String name, String email) {
        String n = name.toLowerCase(Locale.ROOT);
        String e = email.toLowerCase(Locale.ROOT);
        return !botLogin.isEmpty() && (n.equals(botLogin) || e.endsWith("+" + botLogin + "@users.noreply.github.com"));
    }

    static String shortSha(String sha) {
        return sha.substring(0, Math.min(7, sha.length()));
    }
}
