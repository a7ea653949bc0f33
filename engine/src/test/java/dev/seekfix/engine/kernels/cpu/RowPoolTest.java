package dev.seekfix.engine.kernels.cpu;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowPoolTest {

    @Test
    void everyRowRunsExactlyOnceAcrossManyJobs() {
        try (RowPool pool = new RowPool(3)) {
            for (int rows : new int[]{1, 2, 7, 64, 1000, 4097}) {
                for (int job = 0; job < 50; job++) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(rows);
                    pool.forRows(rows, Long.MAX_VALUE, 1 + job % 5, (from, to) -> {
                        for (int r = from; r < to; r++) seen.incrementAndGet(r);
                    });
                    for (int r = 0; r < rows; r++) assertThat(seen.get(r)).as("row %d of %d", r, rows).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aFailingChunkFailsTheCallAndThePoolKeepsWorking() {
        try (RowPool pool = new RowPool(2)) {
            assertThatThrownBy(() -> pool.forRows(100, Long.MAX_VALUE, 1, (from, to) -> {
                if (from <= 50 && 50 < to) throw new IllegalArgumentException("row 50");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("row 50");
            AtomicIntegerArray seen = new AtomicIntegerArray(100);
            pool.forRows(100, Long.MAX_VALUE, 1, (from, to) -> {
                for (int r = from; r < to; r++) seen.incrementAndGet(r);
            });
            for (int r = 0; r < 100; r++) assertThat(seen.get(r)).isEqualTo(1);
        }
    }
}
