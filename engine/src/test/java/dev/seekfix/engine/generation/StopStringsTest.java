package dev.seekfix.engine.generation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StopStringsTest {

    @Test
    void releasesTextThatCannotStartAStopString() {
        StopStrings s = new StopStrings(List.of("END"));
        assertThat(s.push("hello ")).isEqualTo("hello ");
        assertThat(s.stopped()).isFalse();
    }

    @Test
    void holdsBackAPossibleBeginningUntilItIsDecided() {
        StopStrings s = new StopStrings(List.of("END"));
        assertThat(s.push("abc E")).isEqualTo("abc ");
        assertThat(s.push("N")).isEmpty();
        assertThat(s.push("x")).isEqualTo("ENx");
        assertThat(s.stopped()).isFalse();
    }

    @Test
    void aStopStringSpanningPiecesEndsTheOutputBeforeIt() {
        StopStrings s = new StopStrings(List.of("\n\nUser:"));
        assertThat(s.push("answer\n")).isEqualTo("answer");
        assertThat(s.push("\nUs")).isEmpty();
        assertThat(s.push("er: more")).isEmpty();
        assertThat(s.stopped()).isTrue();
        assertThat(s.finish()).isEmpty();
    }

    @Test
    void theEarliestOfSeveralStopStringsWins() {
        StopStrings s = new StopStrings(List.of("b", "xa"));
        assertThat(s.push("1xab")).isEqualTo("1");
        assertThat(s.stopped()).isTrue();
    }

    @Test
    void finishReleasesWhatWasHeldBack() {
        StopStrings s = new StopStrings(List.of("END"));
        assertThat(s.push("tail EN")).isEqualTo("tail ");
        assertThat(s.finish()).isEqualTo("EN");
    }
}
