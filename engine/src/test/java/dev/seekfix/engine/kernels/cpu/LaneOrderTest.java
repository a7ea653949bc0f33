package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.tensor.GgmlType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LaneOrderTest {

    @Test
    void laneOrdersArePermutationsOfTheirGroup() {
        for (GgmlType type : GgmlType.values()) {
            if (!type.computable()) continue;
            LaneOrder order = LaneOrder.of(type);
            boolean[] hit = new boolean[order.group()];
            for (int e : order.natural()) {
                assertThat(hit[e]).as("%s element %d twice", type, e).isFalse();
                hit[e] = true;
            }
        }
    }
}
