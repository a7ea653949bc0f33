package dev.seekfix.engine.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalRangesTest {

    @Test
    void integerRangesMatchExactlyTheirMembers() {
        long[][] ranges = {{0, 0}, {1, 9}, {17, 342}, {-25, 7}, {-300, -42}, {0, 1000}, {99, 101}, {1, 9999999},
                {-9, -1}, {5, 5}, {10, 99}, {123, 129}};
        for (long[] r : ranges) {
            Automata a = Automata.of(DecimalRanges.integers(r[0], r[1]));
            for (long v = r[0] - 1200; v <= r[1] + 1200; v++) {
                assertThat(a.matches(Long.toString(v))).as("%d in [%d,%d]", v, r[0], r[1])
                        .isEqualTo(v >= r[0] && v <= r[1]);
            }
            assertThat(a.matches("-0")).isFalse();
            assertThat(a.matches("007")).isFalse();
        }
    }

    @Test
    void randomIntegerRangesAgreeWithArithmetic() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            long a = random.nextLong(-100_000, 100_000);
            long b = a + random.nextLong(0, 50_000);
            Automata automaton = Automata.of(DecimalRanges.integers(a, b));
            for (int k = 0; k < 200; k++) {
                long v = random.nextLong(a - 1000, b + 1000);
                assertThat(automaton.matches(Long.toString(v))).as("%d in [%d,%d]", v, a, b)
                        .isEqualTo(v >= a && v <= b);
            }
        }
    }

    @Test
    void unitIntervalAllowsShortDecimalsUpToOne() {
        Automata a = Automata.of(DecimalRanges.decimals(0, 1, 4));
        for (String ok : new String[] {"0", "1", "0.5", "0.85", "0.9999", "1.0", "1.0000", "0.0"}) {
            assertThat(a.matches(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {"1.5", "1.01", "2", "-0.5", "0.12345", ".5", "01", "1.", "1e0"}) {
            assertThat(a.matches(bad)).as(bad).isFalse();
        }
    }

    @Test
    void negativeDecimalBoundsAreRespected() {
        Automata a = Automata.of(DecimalRanges.decimals(-3, 2, 2));
        for (String ok : new String[] {"-3", "-3.0", "-2.99", "-0.5", "0", "1.99", "2", "2.00", "-0"}) {
            assertThat(a.matches(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {"-3.01", "2.01", "3", "-4"}) {
            assertThat(a.matches(bad)).as(bad).isFalse();
        }
        Automata negative = Automata.of(DecimalRanges.decimals(-5, -2, 2));
        assertThat(negative.matches("-2")).isTrue();
        assertThat(negative.matches("-1.99")).isFalse();
        assertThat(negative.matches("-5.0")).isTrue();
        assertThat(negative.matches("-5.01")).isFalse();
    }
}
