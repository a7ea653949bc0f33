package dev.seekfix.engine.kernels.cpu;

import dev.seekfix.engine.tensor.GgmlType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LaneOrderTest {

    @Test
    void laneOrdersArePermutationsOfTheirGroup() {
        java.util.Map<String, LaneOrder> orders = new java.util.LinkedHashMap<>();
        for (GgmlType type : GgmlType.values()) {
            if (type.computable()) orders.put(type.name(), LaneOrder.of(type, 512));
        }
        orders.put("Q6_K 8 lanes", LaneOrder.q6K());
        orders.put("Q6_K 16 lanes", LaneOrder.q6KWide());
        orders.put("Q4_0/Q5_0 pairs", LaneOrder.nibblePairs());
        orders.forEach((name, order) -> {
            boolean[] hit = new boolean[order.group()];
            for (int e : order.natural()) {
                assertThat(hit[e]).as("%s element %d twice", name, e).isFalse();
                hit[e] = true;
            }
        });
    }
}
