package dev.seekfix.bot.ci;

/**
 * One check-run annotation (schema {@code check-annotation}).
 *
 * @param level {@code notice}, {@code warning} or {@code failure}
 */
public record CiAnnotation(String path, int startLine, int startColumn, String level, String title, String message) {
}
