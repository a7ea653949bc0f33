package dev.seekfix.bot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.answers.Finding;
import dev.seekfix.bot.answers.FindingsParser;
import dev.seekfix.bot.answers.ReviewVerdict;
import dev.seekfix.bot.config.LoadedConfig;
import dev.seekfix.bot.config.RepoConfig;
import dev.seekfix.bot.config.RepoConfigLoader;
import dev.seekfix.bot.diff.FileDiff;
import dev.seekfix.bot.github.ChangedFile;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.JsonAnswerCheck;
import dev.seekfix.bot.model.RepairingCodeModel;
import dev.seekfix.bot.prompts.PromptTemplates;
import dev.seekfix.bot.publish.SkippedFile;
import dev.seekfix.bot.tasks.DiffReader;
import dev.seekfix.bot.tasks.ReviewPass;
import dev.seekfix.bot.tasks.ReviewPlan;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code seekfix review --repo DIR --base REF [--head REF]}: the App's review pipeline on a local git diff (from the
 * merge base of base and head, like a pull request), printed instead of posted. Config comes from
 * {@code .github/seekfix.yml} at the base ref.
 */
public final class LocalReview {
    private final CodeModel model;
    private final PromptTemplates prompts = new PromptTemplates();
    private final ObjectMapper json = new ObjectMapper();

    public LocalReview(CodeModel model) {
        this.model = new RepairingCodeModel(model, new JsonAnswerCheck(json));
    }

    /** Reviews and prints; returns the number of findings printed (inline and outside the diff). */
    public int run(Path repoDir, String baseRef, String headRef, PrintStream out) throws IOException {
        try (Git git = Git.open(repoDir.toFile())) {
            Repository repo = git.getRepository();
            ObjectId base = resolve(repo, baseRef);
            ObjectId head = resolve(repo, headRef);
            List<ChangedFile> changed;
            RevCommit mergeBase;
            LoadedConfig config;
            try (RevWalk walk = new RevWalk(repo)) {
                walk.setRevFilter(RevFilter.MERGE_BASE);
                walk.markStart(walk.parseCommit(base));
                walk.markStart(walk.parseCommit(head));
                mergeBase = walk.next();
                if (mergeBase == null) {
                    throw new IllegalArgumentException("%s and %s have no common ancestor in %s".formatted(baseRef, headRef, repoDir));
                }
            }
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit baseCommit = walk.parseCommit(base);
                config = configAt(repo, baseCommit, baseRef);
                changed = changedFiles(repo, walk.parseCommit(mergeBase), walk.parseCommit(head));
            }
            Map<String, FileDiff> diff = new DiffReader().parse(changed);
            ReviewPass pass = new ReviewPass(model, prompts, new FindingsParser(json));
            ReviewPass.Subject subject = new ReviewPass.Subject(repoDir.toAbsolutePath().normalize().getFileName().toString(), 0,
                    "Local changes %s...%s".formatted(baseRef, headRef), "");
            RepoConfig repoConfig = config.config();
            ReviewPlan plan = pass.plan(subject, List.copyOf(diff.values()), repoConfig);
            ReviewPass.Result result = pass.run(subject, plan, diff, repoConfig, Set.of(), progress -> { });
            return print(result, config, out);
        }
    }

    private int print(ReviewPass.Result result, LoadedConfig config, PrintStream out) {
        ReviewVerdict verdict = result.verdict();
        config.problem().ifPresent(p -> out.println("warning: " + p + " — using the defaults"));
        for (Finding f : verdict.inline()) {
            out.printf("%s:%s%d [%s] %s (%s, confidence %.2f)%n", f.path(),
                    f.startLine() == null ? "" : f.startLine() + "-", f.line(), f.severity().label(), f.title(), f.category(), f.confidence());
            out.println(indent(f.body()));
            if (f.suggestion() != null) {
                out.println("    suggested replacement:");
                out.println(indent(indent(f.suggestion())));
            }
            out.println();
        }
        for (ReviewVerdict.Placed n : verdict.notes()) {
            out.printf("%s:%d [%s] %s — outside the diff: %s%n%s%n%n", n.finding().path(), n.finding().line(),
                    n.finding().severity().label(), n.finding().title(), n.reason(), indent(n.finding().body()));
        }
        result.failedParts().forEach(p -> out.println("model failed on " + p));
        out.printf("Reviewed %d file(s); skipped %d.%n", result.plan().reviewedFiles().size(), result.plan().skipped().size());
        for (SkippedFile s : result.plan().skipped()) out.printf("  skipped %s: %s%n", s.path(), s.reason());
        out.printf("Model: %s · %d prompt + %d completion tokens in %d call(s)%n", model.label(), result.usage().promptTokens(),
                result.usage().completionTokens(), result.usage().calls());
        return verdict.inline().size() + verdict.notes().size();
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    private static ObjectId resolve(Repository repo, String ref) throws IOException {
        ObjectId id = repo.resolve(ref + "^{commit}");
        if (id == null) {
            throw new IllegalArgumentException("'%s' is not a commit, branch or tag in %s; check --base/--head".formatted(ref,
                    repo.getDirectory()));
        }
        return id;
    }

    private static LoadedConfig configAt(Repository repo, RevCommit commit, String ref) throws IOException {
        RepoConfigLoader loader = new RepoConfigLoader();
        try (TreeWalk walk = TreeWalk.forPath(repo, ".github/seekfix.yml", commit.getTree())) {
            if (walk == null) {
                return new LoadedConfig(RepoConfig.defaults(), "defaults (no .github/seekfix.yml on " + ref + ")", Optional.empty(), "");
            }
            String text = new String(repo.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            return loader.parse(text, ".github/seekfix.yml on " + ref);
        }
    }

    /** The diff as GitHub's files endpoint would list it: one patch per file, without the file headers. */
    static List<ChangedFile> changedFiles(Repository repo, RevCommit from, RevCommit to) throws IOException {
        List<ChangedFile> files = new ArrayList<>();
        try (DiffFormatter formatter = new DiffFormatter(new ByteArrayOutputStream())) {
            formatter.setRepository(repo);
            formatter.setDiffComparator(RawTextComparator.DEFAULT);
            formatter.setDetectRenames(true);
            for (DiffEntry entry : formatter.scan(from.getTree(), to.getTree())) {
                ByteArrayOutputStream patch = new ByteArrayOutputStream();
                try (DiffFormatter one = new DiffFormatter(patch)) {
                    one.setRepository(repo);
                    one.setDetectRenames(true);
                    one.format(entry);
                }
                String text = patch.toString(StandardCharsets.UTF_8);
                boolean binary = text.contains("\nBinary files ") || text.startsWith("Binary files ");
                int firstHunk = text.indexOf("\n@@");
                Optional<String> body = binary || firstHunk < 0 ? Optional.empty() : Optional.of(text.substring(firstHunk + 1));
                String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
                Optional<String> previous = entry.getChangeType() == DiffEntry.ChangeType.RENAME ? Optional.of(entry.getOldPath()) : Optional.empty();
                int additions = 0;
                int deletions = 0;
                if (body.isPresent()) {
                    for (String line : body.get().split("\n")) {
                        if (line.startsWith("+")) additions++;
                        else if (line.startsWith("-")) deletions++;
                    }
                }
                files.add(new ChangedFile(path, previous, status(entry.getChangeType()), additions, deletions, body));
            }
        }
        return files;
    }

    private static String status(DiffEntry.ChangeType type) {
        return switch (type) {
            case ADD -> "added";
            case DELETE -> "removed";
            case MODIFY -> "modified";
            case RENAME -> "renamed";
            case COPY -> "copied";
        };
    }
}
