package dev.orderclock.simulator;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultSettingsTest {

    @Test
    void aPatchChangesOnlyTheSwitchesItNames() {
        FaultSettings current =
                new FaultSettings(0.3, 0.3, 5L, 0.0, 0.0, false, true, 0.001, null).over(FaultSettings.DEFAULTS);

        FaultSettings changed = new FaultSettings(null, null, null, 1.0, null, null, null, null, null).over(current);

        assertThat(changed).isEqualTo(new FaultSettings(0.3, 0.3, 5L, 1.0, 0.0, false, true, 0.001, BigDecimal.ZERO));
    }

    @Test
    void anAmountOffsetIsYuanFromZero() {
        FaultSettings offset = new FaultSettings(
                        null, null, null, null, null, null, null, null, new BigDecimal("10.00"))
                .over(FaultSettings.DEFAULTS);

        assertThat(offset.openAmountOffset()).isEqualByComparingTo("10");
        assertThatThrownBy(() -> new FaultSettings(null, null, null, null, null, null, null, null, new BigDecimal("-1"))
                        .over(FaultSettings.DEFAULTS))
                .hasMessageContaining("open-amount-offset");
        assertThatThrownBy(
                        () -> new FaultSettings(null, null, null, null, null, null, null, null, new BigDecimal("0.001"))
                                .over(FaultSettings.DEFAULTS))
                .hasMessageContaining("open-amount-offset");
    }

    @Test
    void refusesImpossibleSwitches() {
        assertThatThrownBy(() -> new FaultSettings(1.5, null, null, null, null, null, null, null, null)
                        .over(FaultSettings.DEFAULTS))
                .hasMessageContaining("notify-drop-rate");
        assertThatThrownBy(() -> new FaultSettings(null, null, -1L, null, null, null, null, null, null)
                        .over(FaultSettings.DEFAULTS))
                .hasMessageContaining("notify-delay-ms");
        assertThatThrownBy(() -> new FaultSettings(null, null, null, null, null, null, null, 0.0, null)
                        .over(FaultSettings.DEFAULTS))
                .hasMessageContaining("retry-scale");
    }

    @Test
    void compressesAChannelsRetryScheduleByTheScale() {
        Faults faults =
                new Faults(new FaultSettings(null, null, null, null, null, null, null, 0.001, null), new SimRandom(1));

        assertThat(faults.scaled(Duration.ofMinutes(4))).isEqualTo(Duration.ofMillis(240));
        assertThat(faults.scaled(Duration.ofHours(15))).isEqualTo(Duration.ofSeconds(54));
    }

    @Test
    void theSameSeedRollsTheSameDice() {
        FaultSettings half = new FaultSettings(0.5, null, null, null, null, null, null, null, null);
        Faults one = new Faults(half, new SimRandom(42));
        Faults two = new Faults(half, new SimRandom(42));

        for (int i = 0; i < 100; i++) {
            assertThat(one.dropNotification()).isEqualTo(two.dropNotification());
        }
    }
}
