package dev.seekfix.bot.fake;

import java.util.List;

/** A compare result of the {@link FakeGitHub}. */
public record Compare(String status, List<PrFile> files) {
}
