package dev.seekfix.bot.fix;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * What a proposed patch may touch and how big it may be. {@code .github/workflows/**} is always forbidden: editing
 * workflows needs the {@code workflows} permission seekfix does not ask for, and a bot that rewrites CI can make CI
 * pass by weakening it (GITHUB.md, "CI events").
 *
 * @param forbidden globs of paths a patch must not touch, in {@link java.nio.file.FileSystem#getPathMatcher} syntax
 */
public record PatchLimits(int maxFiles, int maxChangedLines, List<String> forbidden) {

    public static final List<String> ALWAYS_FORBIDDEN = List.of(".github/workflows/**", ".github/seekfix.yml",
            ".git/**", ".gitmodules");

    public static final PatchLimits DEFAULT = new PatchLimits(5, 200, ALWAYS_FORBIDDEN);

    public PatchLimits {
        if (maxFiles < 1 || maxChangedLines < 1) {
            throw new IllegalArgumentException("patch limits must be >= 1, found %d files and %d lines"
                    .formatted(maxFiles, maxChangedLines));
        }
        forbidden = List.copyOf(forbidden);
        for (String always : ALWAYS_FORBIDDEN) {
            if (!forbidden.contains(always)) {
                throw new IllegalArgumentException("patch limits must forbid " + always + "; found " + forbidden);
            }
        }
    }

    public boolean forbids(String path) {
        Path p = Path.of(path);
        for (String glob : forbidden) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (matcher.matches(p)) return true;
        }
        return false;
    }
}
