package dev.orderclock.simulator.wechat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefundIndexTest {

    @Test
    void holdsAtMostItsCapacityForgettingTheOldestRefundFirst() {
        RefundIndex index = new RefundIndex(3);

        for (int i = 0; i < 10; i++) {
            index.put("R-" + i, "T-" + i);
        }

        assertThat(index.size()).isEqualTo(3);
        assertThat(index.tradeOf("R-6")).isEmpty();
        assertThat(index.tradeOf("R-7")).contains("T-7");
        assertThat(index.tradeOf("R-9")).contains("T-9");
    }

    @Test
    void aRepeatedRefundNumberKeepsOneEntry() {
        RefundIndex index = new RefundIndex(3);

        index.put("R-1", "T-1");
        index.put("R-1", "T-1");

        assertThat(index.size()).isEqualTo(1);
    }
}
