package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineEngine;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnginePropertiesTest {

    @Test
    void unsetSettingsAreTheEnginesOwnDefaults() {
        EngineProperties defaults = EngineProperties.defaults();

        assertThat(defaults)
                .isEqualTo(new EngineProperties(
                        DeadlineEngine.DEFAULT_HORIZON,
                        DeadlineEngine.DEFAULT_TICK,
                        DeadlineEngine.DEFAULT_MAX_IN_MEMORY,
                        DeadlineEngine.DEFAULT_FIRING_BATCH_SIZE,
                        DeadlineEngine.DEFAULT_FIRING_THREADS,
                        DeadlineEngine.DEFAULT_LOAD_PAGE_SIZE,
                        DeadlineEngine.DEFAULT_GRACE,
                        DeadlineEngine.DEFAULT_SWEEP_INTERVAL,
                        Duration.ofSeconds(10),
                        DeadlineEngine.DEFAULT_SWEEP_BATCH_SIZE,
                        DeadlineEngine.DEFAULT_RETRY_DELAY));
    }

    @Test
    void settingsBindFromKebabCasePropertiesAndTheRestKeepTheirDefaults() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "orderclock.engine.horizon", "2m",
                "orderclock.engine.max-in-memory", "5000",
                "orderclock.engine.firing-threads", "4")));

        EngineProperties bound = binder.bindOrCreate("orderclock.engine", EngineProperties.class);

        assertThat(bound.horizon()).isEqualTo(Duration.ofMinutes(2));
        assertThat(bound.maxInMemory()).isEqualTo(5000);
        assertThat(bound.firingThreads()).isEqualTo(4);
        assertThat(bound.grace()).isEqualTo(DeadlineEngine.DEFAULT_GRACE);
    }

    @Test
    void autoConfirmHasItsOwnSweepIntervalBesideTheEngineWideOne() {
        Binder binder = new Binder(
                new MapConfigurationPropertySource(Map.of("orderclock.engine.auto-confirm-sweep-interval", "30s")));

        EngineProperties bound = binder.bindOrCreate("orderclock.engine", EngineProperties.class);

        assertThat(bound.autoConfirmSweepInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(bound.sweepInterval()).isEqualTo(DeadlineEngine.DEFAULT_SWEEP_INTERVAL);
    }
}
