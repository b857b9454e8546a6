package dev.orderclock.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HoldingLimitsTest {

    private final HoldingLimits limits = new HoldingLimits(10, 200);

    @Test
    void anOrderThatKeepsTheShopperWithinBothLimitsPasses() {
        assertThat(limits.passedBy(9, 150, 50)).isNull();
    }

    @Test
    void theEleventhPendingOrderPassesTheOrderLimit() {
        assertThat(limits.passedBy(10, 10, 1)).isEqualTo(HoldingLimits.Limit.PENDING_ORDERS);
    }

    @Test
    void unitsBeyondTheLimitPassTheUnitLimitEvenForTheFirstOrder() {
        assertThat(limits.passedBy(0, 0, 201)).isEqualTo(HoldingLimits.Limit.PENDING_UNITS);
        assertThat(limits.passedBy(3, 190, 11)).isEqualTo(HoldingLimits.Limit.PENDING_UNITS);
    }

    @Test
    void eachLimitAnswersItsOwnValue() {
        assertThat(limits.valueOf(HoldingLimits.Limit.PENDING_ORDERS)).isEqualTo(10);
        assertThat(limits.valueOf(HoldingLimits.Limit.PENDING_UNITS)).isEqualTo(200);
    }

    @Test
    void noLimitsHoldNobodyBack() {
        assertThat(HoldingLimits.NONE.isNone()).isTrue();
        assertThat(HoldingLimits.NONE.passedBy(1_000_000, 1_000_000_000L, 10_000))
                .isNull();
        assertThat(limits.isNone()).isFalse();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new HoldingLimits(0, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HoldingLimits(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
