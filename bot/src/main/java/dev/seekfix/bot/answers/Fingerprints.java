package dev.seekfix.bot.answers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Identity of a finding across pushes: its path and its title with case, punctuation and numbers removed (line
 * numbers shift between pushes; the words do not).
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    public static String of(String path, String title) {
        String normalised = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", " ").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((path + "\n" + normalised).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
