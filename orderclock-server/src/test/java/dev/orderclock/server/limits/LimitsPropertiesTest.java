package dev.orderclock.server.limits;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitsPropertiesTest {

    @Test
    void unsetLimitsAreTheShopDefaults() {
        LimitsProperties defaults = bind(Map.of());

        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.maxPendingOrdersPerShopper()).isEqualTo(10);
        assertThat(defaults.maxPendingUnitsPerShopper()).isEqualTo(200);
        assertThat(defaults.maxUnitsPerLine()).isEqualTo(100);
        assertThat(defaults.maxPayTimeout()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.rate()).isEqualTo(new LimitsProperties.Rate(30, 30, 100_000));
    }

    @Test
    void limitsBindFromKebabCasePropertiesAndTheRestKeepTheirDefaults() {
        LimitsProperties bound = bind(Map.of(
                "orderclock.limits.max-pending-orders-per-shopper", "3",
                "orderclock.limits.max-pay-timeout", "2h",
                "orderclock.limits.rate.pays-per-minute", "5"));

        assertThat(bound.maxPendingOrdersPerShopper()).isEqualTo(3);
        assertThat(bound.maxPayTimeout()).isEqualTo(Duration.ofHours(2));
        assertThat(bound.rate().paysPerMinute()).isEqualTo(5);
        assertThat(bound.rate().ordersPerMinute()).isEqualTo(30);
        assertThat(bound.maxPendingUnitsPerShopper()).isEqualTo(200);
    }

    @Test
    void limitsOutsideTheApisBoundsOrBelowOneStopTheStartNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("orderclock.limits.max-units-per-line", "10001")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("orderclock.limits.max-units-per-line");
        assertThatThrownBy(() -> bind(Map.of("orderclock.limits.max-pay-timeout", "8d")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("orderclock.limits.max-pay-timeout");
        assertThatThrownBy(() -> bind(Map.of("orderclock.limits.max-pending-orders-per-shopper", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("orderclock.limits.max-pending-orders-per-shopper");
        assertThatThrownBy(() -> bind(Map.of("orderclock.limits.rate.orders-per-minute", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("orderclock.limits.rate.orders-per-minute");
    }

    private static LimitsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("orderclock.limits", LimitsProperties.class);
    }
}
