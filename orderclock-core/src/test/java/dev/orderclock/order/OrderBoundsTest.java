package dev.orderclock.order;

import dev.orderclock.settings.InvalidSettingException;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderBoundsTest {

    @Test
    void aTimeToPayOfWholeSecondsFromOneSecondToSevenDaysIsAccepted() {
        assertThat(OrderBounds.payTimeoutSetting("orderclock.pay-timeout", Duration.ofSeconds(1), "30m"))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(OrderBounds.payTimeoutSetting("orderclock.pay-timeout", Duration.ofDays(7), "30m"))
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aTimeToPayOutsideTheBoundsOrWithAFractionOfASecondIsRefusedNamingTheProperty() {
        for (Duration refused : new Duration[] {
            Duration.ZERO, Duration.ofMillis(1500), Duration.ofDays(7).plusSeconds(1)
        }) {
            assertThatThrownBy(() -> OrderBounds.payTimeoutSetting("orderclock.limits.max-pay-timeout", refused, "24h"))
                    .as(refused.toString())
                    .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                        assertThat(e.properties()).containsExactly("orderclock.limits.max-pay-timeout");
                        assertThat(e.description()).contains("from 1 to 604800", "it is " + refused);
                        assertThat(e.action()).contains("the default (24h)");
                    });
        }
    }
}
