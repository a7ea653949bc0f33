package dev.seekfix.bot.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a raw GitHub Actions job log into plain lines: drops the byte-order mark, the timestamp GitHub puts before
 * every line ({@code 2024-05-01T10:00:00.1234567Z }), ANSI colour and cursor codes, and what a carriage return
 * overwrote (progress bars).
 */
public final class LogCleaner {

    // Actions writes an ISO-8601 UTC timestamp with 7 fractional digits and a space before each line.
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z ?");
    // CSI sequences (colours, cursor moves), OSC sequences (titles, hyperlinks), and lone two-byte escapes.
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[@-Z\\\\-_]");

    public List<String> clean(String rawLog) {
        String text = rawLog.startsWith("\uFEFF") ? rawLog.substring(1) : rawLog;
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            lines.add(cleanLine(line));
        }
        // split leaves one empty string after a final newline
        if (!lines.isEmpty() && lines.getLast().isEmpty()) lines.removeLast();
        return lines;
    }

    String cleanLine(String line) {
        String noTime = TIMESTAMP.matcher(line).replaceFirst("");
        String plain = ANSI.matcher(noTime).replaceAll("");
        // A terminal shows only what was written after the last carriage return.
        String trimmed = plain.endsWith("\r") ? plain.substring(0, plain.length() - 1) : plain;
        int cr = trimmed.lastIndexOf('\r');
        if (cr >= 0) trimmed = trimmed.substring(cr + 1);
        plain = trimmed;
        // Tab-free stack frames and stray control characters confuse the parsers' anchors.
        return plain.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
    }
}
