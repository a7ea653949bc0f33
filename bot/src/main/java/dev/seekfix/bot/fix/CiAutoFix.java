package dev.seekfix.bot.fix;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.ci.CiClient;
import dev.seekfix.bot.ci.CiRunSummary;
import dev.seekfix.bot.ci.CheckHistory;
import dev.seekfix.bot.ci.Diagnosis;
import dev.seekfix.bot.ci.FailureClass;
import dev.seekfix.bot.ci.FailureClassifier;
import dev.seekfix.bot.ci.FailureExtractor;
import dev.seekfix.bot.ci.JobLogs;
import dev.seekfix.bot.ci.LogCleaner;
import dev.seekfix.bot.ci.RunDiagnoser;
import dev.seekfix.bot.ci.StepSplitter;
import dev.seekfix.bot.ci.TestFailure;
import dev.seekfix.bot.config.RepoConfig;
import dev.seekfix.bot.events.CiFailureFixer;
import dev.seekfix.bot.events.EventContext;
import dev.seekfix.bot.github.ChangedFile;
import dev.seekfix.bot.github.GitHubApiException;
import dev.seekfix.bot.github.GitHubApp;
import dev.seekfix.bot.github.GitHubRest;
import dev.seekfix.bot.github.PullRequest;
import dev.seekfix.bot.github.RepoClient;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.ModelException;
import dev.seekfix.bot.prompts.PromptTemplates;
import dev.seekfix.bot.publish.Replies;
import dev.seekfix.bot.tasks.DiffReader;
import dev.seekfix.webhooks.queue.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auto-fix for failing CI: from a red {@code workflow_run}/{@code check_suite} (or {@code /fix}) to a checked patch
 * on the pull request, within attempt caps. The steps: loop guard → PR by head SHA → diagnose the failing job →
 * record the attempt and enforce the caps → classify → (infrastructure and pre-existing failures are reported, not
 * patched) → gather context → ask the model, check the patch → verify in the sandbox → publish by {@code fix.mode}
 * → one marked comment, updated in place → record the outcome.
 */
public final class CiAutoFix implements CiFailureFixer {

    private static final Logger log = LoggerFactory.getLogger(CiAutoFix.class);
    private static final Set<String> WRITE = Set.of("admin", "maintain", "write");
    private static final int MAX_JOBS = 3;

    private final GitHubRest rest;
    private final LongFunction<String> tokens;
    private final JobLogs logs;
    private final CodeModel model;
    private final FixPrompt prompt;
    private final ObjectMapper json;
    private final AttemptLedger ledger;
    private final FixServerSettings settings;
    private final SandboxVerifier verifier;
    private final TriggerReader triggers = new TriggerReader();
    private final PullRequestFinder finder = new PullRequestFinder();
    private final RunDiagnoser diagnoser = new RunDiagnoser(new LogCleaner(), new StepSplitter(), FailureExtractor.standard());
    private final FailureClassifier classifier = new FailureClassifier();
    private final FixPublisher publisher = new FixPublisher();
    private final DiffReader diffs = new DiffReader();

    public CiAutoFix(GitHubRest rest, LongFunction<String> tokens, JobLogs logs, CodeModel model, PromptTemplates templates,
                     ObjectMapper json, AttemptLedger ledger, FixServerSettings settings, SandboxVerifier verifier) {
        this.rest = rest;
        this.tokens = tokens;
        this.logs = logs;
        this.model = model;
        this.prompt = new FixPrompt(templates);
        this.json = json;
        this.ledger = ledger;
        this.settings = settings;
        this.verifier = verifier;
    }

    /**
     * Wires the fixer from the bot's shared parts: the attempt table in {@code database}, job logs through a client
     * that does not follow redirects, checkouts from {@code webBase} (e.g. {@code https://github.com}).
     */
    public static CiAutoFix create(GitHubApp github, CodeModel model, PromptTemplates templates, ObjectMapper json,
                                   java.time.Clock clock, DataSource database, URI webBase, FixServerSettings settings) {
        HttpClient noRedirects = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JobLogs logs = new JobLogs(noRedirects, github.rest().apiBase(), 16 << 20, Duration.ofSeconds(60));
        SandboxVerifier verifier = new SandboxVerifier(settings.sandbox(),
                new GitHeadCheckout(GitHeadCheckout.github(webBase.toString(), github.tokens()::token)),
                new SandboxRunner(System.getenv()));
        return new CiAutoFix(github.rest(), github.tokens()::token, logs, model, templates, json,
                new JdbcAttemptLedger(database, clock).createSchema(), settings, verifier);
    }

    /** Who asked: the CI event itself, or a user's {@code /fix}. */
    private record Request(boolean explicit, Optional<String> requester) {
    }

    @Override
    public Outcome onCiCompleted(EventContext ctx) throws Exception {
        FixTrigger trigger;
        switch (triggers.read(ctx.delivery().event(), ctx.payload())) {
            case TriggerReader.Read.NotAFailure n -> {
                return new Outcome.Ignored(n.reason());
            }
            case TriggerReader.Read.Trigger t -> trigger = t.trigger();
        }
        RepoConfig.Fix fix = ctx.config().config().fix();
        if (!fix.auto()) return new Outcome.Ignored("fix.auto is off (" + ctx.config().source() + ")");
        Optional<String> loop = new FixLoopGuard(ctx.botLogin()).reason(trigger);
        if (loop.isPresent()) return new Outcome.Ignored("loop guard: " + loop.get());
        List<PullRequest> prs = finder.find(ctx.repo(), trigger);
        if (prs.isEmpty()) {
            return new Outcome.Ignored("no open pull request has the head " + FixLoopGuard.shortSha(trigger.headSha())
                    + " (a newer push, a closed PR, or a branch without a PR)");
        }
        List<String> summaries = new ArrayList<>();
        for (PullRequest pr : prs) summaries.add(attempt(ctx, pr, trigger, new Request(false, Optional.empty())));
        return new Outcome.Done(String.join("; ", summaries));
    }

    @Override
    public Optional<String> onFixCommand(EventContext ctx, PullRequest pr) throws Exception {
        CiClient ci = ci(ctx.repo());
        Optional<CiRunSummary> failed = ci.runsForHead(pr.headSha()).stream().filter(CiRunSummary::failed)
                .max(Comparator.comparing(CiRunSummary::updatedAt).thenComparing(CiRunSummary::id));
        if (failed.isEmpty()) return Optional.empty();
        CiRunSummary run = failed.get();
        FixTrigger trigger = new FixTrigger.WorkflowRun(run.id(), run.name(), run.htmlUrl(), pr.headSha(), pr.headRef(),
                HeadCommit.unknown(pr.headSha()), List.of(pr.number()), "");
        String requester = ctx.payload().path("comment").path("user").path("login").asText("");
        return Optional.of("**Failing CI** (" + run.name() + "): "
                + attempt(ctx, pr, trigger, new Request(true, Optional.of(requester).filter(s -> !s.isEmpty()))));
    }

    private CiClient ci(RepoClient repo) {
        return new CiClient(rest, tokens, repo.installationId(), repo.fullName(), logs);
    }

    /** One attempt on one PR; returns a one-line summary for the delivery record or the command's reply. */
    private String attempt(EventContext ctx, PullRequest pr, FixTrigger trigger, Request request) throws Exception {
        RepoClient repo = ctx.repo();
        String where = repo.fullName() + "#" + pr.number();
        if (!pr.headSha().equals(trigger.headSha())) {
            return where + ": skipped, someone pushed since the failure (head is " + FixLoopGuard.shortSha(pr.headSha())
                    + ", the failure was on " + FixLoopGuard.shortSha(trigger.headSha()) + ")";
        }
        CiClient ci = ci(repo);
        List<Diagnosis> diagnoses = switch (trigger) {
            case FixTrigger.WorkflowRun run -> diagnoser.diagnoseRun(ci, run.runId(), MAX_JOBS);
            case FixTrigger.CheckSuite suite -> diagnoser.diagnoseSuite(ci, suite.suiteId(), MAX_JOBS);
        };
        if (diagnoses.isEmpty()) return where + ": no failed job found in the " + trigger.kind();
        Diagnosis diagnosis = diagnoses.getFirst();

        RepoConfig.Fix fix = ctx.config().config().fix();
        Attempt attempt = ledger.begin(new AttemptLedger.Start(repo.fullName(), pr.number(), pr.headSha(),
                sha256(diagnosis.failureKey()), diagnosis.job(), request.explicit() ? "command" : trigger.kind(),
                ctx.delivery().id()));
        if (attempt.finished() && !ctx.delivery().replay()) {
            return where + ": already handled by this delivery (" + attempt.outcome() + ")";
        }
        int onHead = ledger.countedForHead(repo.fullName(), pr.number(), pr.headSha(), attempt.id());
        int onFailure = ledger.countedForFailure(repo.fullName(), pr.number(), attempt.failureKey(), attempt.id());
        if (onHead >= fix.maxAttempts() || onFailure >= fix.maxAttempts()) {
            String why = "fix.max_attempts (%d) reached: %d attempt(s) on this head, %d on this failure"
                    .formatted(fix.maxAttempts(), onHead, onFailure);
            ledger.finish(attempt.id(), AttemptOutcome.SKIPPED, why);
            return where + ": skipped, " + why;
        }
        String footer = "\n\n<sub>Attempt %d of %d on this head · seekfix</sub>".formatted(onHead + 1, fix.maxAttempts());
        String runUrl = trigger instanceof FixTrigger.WorkflowRun run ? run.htmlUrl() : "";

        try {
            List<ChangedFile> prFiles = repo.pullRequestFiles(pr.number());
            CheckHistory history = diagnoser.history(ci, diagnosis.job(), pr.baseSha(), pr.headSha());
            FailureClass failureClass = classifier.classify(diagnosis,
                    prFiles.stream().map(ChangedFile::path).toList(), history);
            Optional<String> notPatched = notPatched(failureClass, request);
            if (notPatched.isPresent()) {
                comment(ctx, pr, new FixComment.Content(pr.number(), pr.headSha(), runUrl, diagnosis, failureClass,
                        new FixComment.Result.NotAttempted(notPatched.get()), footer));
                ledger.finish(attempt.id(), AttemptOutcome.REPORTED, failureClass.label());
                return where + ": " + failureClass.label() + ", reported without a patch";
            }

            GitData git = new GitData(rest, tokens, repo.installationId(), repo.fullName());
            Map<String, Optional<String>> cache = new HashMap<>();
            HeadFiles head = path -> cache.computeIfAbsent(path, p -> repo.fileContent(p, pr.headSha()));
            List<String> paths = git.tree(git.treeOf(pr.headSha())).entries().stream()
                    .filter(e -> e.type().equals("blob")).map(GitData.TreeEntry::path).toList();
            ContextGatherer gatherer = new ContextGatherer(ContextGatherer.Budget.forContext(model.contextTokens(),
                    Math.min(4096, model.contextTokens() / 4)));
            FixContext context = gatherer.gather(repo.fullName(), pr, diagnosis, failureClass, prFiles,
                    new ContextGatherer.Source() {
                        @Override
                        public List<String> paths() {
                            return paths;
                        }

                        @Override
                        public Optional<String> read(String path) {
                            return head.read(path);
                        }
                    });
            PatchCheck check = new PatchCheck(settings.limits(), new SourceSyntax(), settings.scratch());
            Proposal proposal = new FixProposer(model, prompt, json, check, settings.rounds()).propose(context, head);
            String usage = Replies.footer(model.label(), proposal.usage());
            switch (proposal) {
                case Proposal.NoFix none -> {
                    comment(ctx, pr, new FixComment.Content(pr.number(), pr.headSha(), runUrl, diagnosis, failureClass,
                            new FixComment.Result.NoFix(none.explanation(), none.tried()), usage + footer));
                    ledger.finish(attempt.id(), AttemptOutcome.NO_FIX, String.join("; ", none.tried()));
                    return where + ": " + failureClass.label() + ", no fix found";
                }
                case Proposal.Checked checked -> {
                    Verification verification = verifier.verify(new SandboxVerifier.Target(repo.fullName(),
                                    repo.installationId(), pr.number(), pr.headSha(), pr.fromFork(repo.fullName())),
                            settings.verifyCommands().forRepository(repo.fullName()).orElse(""),
                            failingTests(diagnosis), checked.patch());
                    boolean commitAllowed = request.explicit()
                            ? request.requester().map(login -> WRITE.contains(repo.permissionOf(login))).orElse(false)
                            : fix.mode() == RepoConfig.FixMode.COMMIT;
                    Publication publication = publisher.publish(repo, git, ctx.botLogin(), new FixPublisher.Request(pr,
                            diagnosis, checked.patch(), checked.explanation(), fix.mode(), commitAllowed,
                            diffs.parse(prFiles)));
                    comment(ctx, pr, new FixComment.Content(pr.number(), pr.headSha(), runUrl, diagnosis, failureClass,
                            new FixComment.Result.Fixed(checked.explanation(), checked.patch(), publication, verification),
                            usage + footer));
                    AttemptOutcome outcome = verification.verified() ? AttemptOutcome.FIX_VERIFIED : AttemptOutcome.FIX_UNVERIFIED;
                    ledger.finish(attempt.id(), outcome, publication.toString());
                    return where + ": " + failureClass.label() + ", fix published (" + describe(publication)
                            + (verification.verified() ? ", verified" : ", not verified") + ")";
                }
            }
        } catch (GitHubApiException | ModelException e) {
            boolean retry = e instanceof GitHubApiException g ? g.retryable() : ((ModelException) e).retryable();
            // a retried delivery resumes this attempt; one that will not be retried is closed now
            if (!retry) ledger.finish(attempt.id(), AttemptOutcome.ERROR, e.getMessage());
            log.warn("{}: fix attempt {} failed ({}): {}", where, attempt.id(), retry ? "will retry" : "for good", e.getMessage());
            throw e;
        }
    }

    private static Optional<String> notPatched(FailureClass failureClass, Request request) {
        return switch (failureClass) {
            case FailureClass.Infrastructure i -> Optional.of("infrastructure failures are reported, never patched; "
                    + "re-run the job once the cause (" + i.signal().kind().description() + ") has passed.");
            case FailureClass.PreExisting p when !request.explicit() -> Optional.of("the failure does not come from "
                    + "this pull request, so seekfix does not patch it here; comment `/fix` to ask for a patch anyway.");
            default -> Optional.empty();
        };
    }

    private static List<String> failingTests(Diagnosis diagnosis) {
        return diagnosis.facts().stream().filter(f -> f instanceof TestFailure).map(f -> ((TestFailure) f).testName())
                .toList();
    }

    private static String describe(Publication p) {
        return switch (p) {
            case Publication.Suggested s -> s.suggestions() + " suggestion(s)";
            case Publication.PatchInComment c -> "patch in the comment";
            case Publication.FixPullRequest f -> "pull request #" + f.number();
            case Publication.Committed c -> "commit " + FixLoopGuard.shortSha(c.sha());
        };
    }

    private static void comment(EventContext ctx, PullRequest pr, FixComment.Content content) {
        FixCommentWriter.upsert(ctx.repo(), ctx.botLogin(), pr.number(), content.diagnosis().job(), FixComment.render(content));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
