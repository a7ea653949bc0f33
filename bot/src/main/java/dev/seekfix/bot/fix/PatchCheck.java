package dev.seekfix.bot.fix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.FormatError;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Checks a proposed patch before anyone sees it: it must be a unified diff, touch only allowed paths, stay within
 * the size limits, apply to the PR head with exact context, and not break the syntax of the files it changes.
 *
 * <p>Applying happens in a temporary bare repository: the head's versions of the touched files are committed to a
 * tree and JGit's {@link PatchApplier} applies the patch to that tree in core. JGit matches context and removed
 * lines exactly (no fuzz) and only lets a hunk slide to where its context really is, as {@code git apply} does.
 * The canonical diff is then regenerated from the two trees, so what seekfix publishes is what applied.
 */
public final class PatchCheck {

    private final PatchLimits limits;
    private final SourceSyntax syntax;
    private final Path scratch;

    /** @param scratch where temporary repositories are made (and deleted) */
    public PatchCheck(PatchLimits limits, SourceSyntax syntax, Path scratch) {
        this.limits = limits;
        this.syntax = syntax;
        this.scratch = scratch;
    }

    public PatchVerdict check(String proposedPatch, HeadFiles head) {
        String normalized;
        try {
            normalized = PatchText.normalize(proposedPatch);
        } catch (MalformedFixPatchException e) {
            return new PatchVerdict.Rejected("format", e.getMessage());
        }
        Patch patch = new Patch();
        byte[] bytes = normalized.getBytes(StandardCharsets.UTF_8);
        patch.parse(bytes, 0, bytes.length);
        List<FormatError> errors = patch.getErrors().stream()
                .filter(e -> e.getSeverity() == FormatError.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            return new PatchVerdict.Rejected("format", "the patch is not a valid unified diff: " + errors.getFirst());
        }
        if (patch.getFiles().isEmpty()) return new PatchVerdict.Rejected("format", "the patch changes no file");

        Set<String> paths = new LinkedHashSet<>();
        for (FileHeader file : patch.getFiles()) {
            if (file.getPatchType() != FileHeader.PatchType.UNIFIED) {
                return new PatchVerdict.Rejected("format", "binary changes are not accepted (" + file.getNewPath() + ")");
            }
            if (file.getChangeType() == DiffEntry.ChangeType.RENAME || file.getChangeType() == DiffEntry.ChangeType.COPY) {
                return new PatchVerdict.Rejected("format", "renames and copies are not accepted ("
                        + file.getOldPath() + " → " + file.getNewPath() + "); change the file in place");
            }
            for (String path : List.of(file.getOldPath(), file.getNewPath())) {
                if (path.equals(DiffEntry.DEV_NULL)) continue;
                Optional<String> problem = pathProblem(path);
                if (problem.isPresent()) return new PatchVerdict.Rejected("paths", problem.get());
                paths.add(path);
            }
        }
        if (paths.size() > limits.maxFiles()) {
            return new PatchVerdict.Rejected("size", "the patch changes %d files, at most %d are allowed"
                    .formatted(paths.size(), limits.maxFiles()));
        }

        Map<String, String> before = new LinkedHashMap<>();
        for (FileHeader file : patch.getFiles()) {
            if (file.getChangeType() == DiffEntry.ChangeType.ADD) {
                if (head.read(file.getNewPath()).isPresent()) {
                    return new PatchVerdict.Rejected("apply", "the patch adds " + file.getNewPath()
                            + ", which already exists at the head");
                }
                continue;
            }
            Optional<String> text = head.read(file.getOldPath());
            if (text.isEmpty()) {
                return new PatchVerdict.Rejected("apply", "the patch changes " + file.getOldPath()
                        + ", which does not exist at the head");
            }
            before.put(file.getOldPath(), text.get());
        }
        return applyInScratchRepository(patch, before);
    }

    private Optional<String> pathProblem(String path) {
        if (path.startsWith("/") || path.contains("\\") || Stream.of(path.split("/")).anyMatch(s -> s.equals("..") || s.isEmpty())) {
            return Optional.of("the patch names the path '" + path + "'; expected a path inside the repository");
        }
        if (limits.forbids(path)) {
            return Optional.of("the patch changes " + path + ", which seekfix never changes (forbidden: "
                    + String.join(", ", limits.forbidden()) + ")");
        }
        return Optional.empty();
    }

    private PatchVerdict applyInScratchRepository(Patch patch, Map<String, String> before) {
        Path dir = null;
        try {
            Files.createDirectories(scratch);
            dir = Files.createTempDirectory(scratch, "patch-check-");
            try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call();
                 Repository repo = git.getRepository();
                 ObjectInserter inserter = repo.newObjectInserter();
                 RevWalk walk = new RevWalk(repo)) {
                ObjectId headTree = writeTree(inserter, before);
                inserter.flush();
                RevTree tree = walk.parseTree(headTree);
                PatchApplier.Result result = new PatchApplier(repo, tree, inserter).applyPatch(patch);
                inserter.flush();
                if (!result.getErrors().isEmpty()) {
                    return new PatchVerdict.Rejected("apply", "the patch does not apply to the head with exact context: "
                            + String.join("; ", result.getErrors().stream().map(Object::toString).toList()));
                }
                List<FileChange> changes = new ArrayList<>();
                try (ObjectReader reader = repo.newObjectReader()) {
                    for (String path : result.getPaths()) {
                        Optional<String> after = readBlob(repo, reader, result.getTreeId(), path);
                        Optional<String> old = Optional.ofNullable(before.get(path));
                        if (!old.equals(after)) changes.add(new FileChange(path, old, after));
                    }
                }
                if (changes.isEmpty()) return new PatchVerdict.Rejected("apply", "the patch changes nothing");
                String diff = diff(repo, headTree, result.getTreeId());
                int changedLines = countChangedLines(diff);
                if (changedLines > limits.maxChangedLines()) {
                    return new PatchVerdict.Rejected("size", "the patch changes %d lines, at most %d are allowed"
                            .formatted(changedLines, limits.maxChangedLines()));
                }
                for (FileChange change : changes) {
                    if (change.after().isEmpty()) continue;
                    List<String> problems = syntax.newProblems(change.path(), change.before(), change.after().get());
                    if (!problems.isEmpty()) {
                        return new PatchVerdict.Rejected("syntax", "after the patch, " + change.path()
                                + " no longer parses: " + String.join("; ", problems));
                    }
                }
                return new PatchVerdict.Accepted(new CheckedPatch(changes, diff, changedLines));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("checking a patch in a scratch repository under " + scratch, e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create a scratch repository under " + scratch + ": " + e.getMessage(), e);
        } finally {
            if (dir != null) deleteRecursively(dir);
        }
    }

    private static ObjectId writeTree(ObjectInserter inserter, Map<String, String> files) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (Map.Entry<String, String> file : files.entrySet()) {
            DirCacheEntry entry = new DirCacheEntry(file.getKey());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
            builder.add(entry);
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    private static Optional<String> readBlob(Repository repo, ObjectReader reader, ObjectId tree, String path)
            throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
            if (walk == null) return Optional.empty();
            return Optional.of(new String(reader.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String diff(Repository repo, ObjectId before, ObjectId after) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.setRepository(repo);
            formatter.setDiffComparator(RawTextComparator.DEFAULT);
            formatter.setContext(3);
            formatter.setBinaryFileThreshold(RawText.getBufferSize());
            formatter.format(formatter.scan(before, after));
        }
        // the index lines name scratch blob ids, meaningless outside the scratch repository
        return out.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("index "))
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();
    }

    private static int countChangedLines(String diff) {
        int n = 0;
        for (String line : diff.lines().toList()) {
            if ((line.startsWith("+") && !line.startsWith("+++ ")) || (line.startsWith("-") && !line.startsWith("--- "))) n++;
        }
        return n;
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory left behind is harmless; the next check uses a new one
        }
    }
}
