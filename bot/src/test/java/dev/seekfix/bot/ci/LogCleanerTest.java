package dev.seekfix.bot.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogCleanerTest {

    private final LogCleaner cleaner = new LogCleaner();

    @Test
    void stripsTimestampsColoursAndTheByteOrderMark() {
        List<String> lines = cleaner.clean("\uFEFF2025-03-04T10:15:02.1234567Z [\u001B[1;31mERROR\u001B[m] boom\r\n"
                + "2025-03-04T10:15:02.2Z \u001B]8;;https://x\u0007link\u001B]8;;\u0007 text\n");
        assertThat(lines).containsExactly("[ERROR] boom", "link text");
    }

    @Test
    void keepsWhatTheLastCarriageReturnLeft() {
        assertThat(cleaner.clean("Downloading 10%\rDownloading 55%\rDownloaded 100%\n"))
                .containsExactly("Downloaded 100%");
    }

    @Test
    void leavesLinesWithoutTimestampsAlone() {
        assertThat(cleaner.clean("plain\n  indented 2025-03-04T10:15:02Z\n"))
                .containsExactly("plain", "  indented 2025-03-04T10:15:02Z");
    }
}
