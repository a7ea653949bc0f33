package dev.seekfix.bot.diff;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A {@code review.ignore} pattern. Glob syntax as Java's {@code PathMatcher}, with one convenience users expect
 * from .gitignore: {@code **}{@code /x} also matches {@code x} at the top level.
 */
public record PathGlob(String pattern) {

    public boolean matches(String path) {
        Path p = Path.of(path);
        if (matcher(pattern).matches(p)) return true;
        return pattern.startsWith("**/") && matcher(pattern.substring(3)).matches(p);
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }
}
