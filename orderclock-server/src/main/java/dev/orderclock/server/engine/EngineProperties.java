package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineEngine;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The deadline engine's settings ({@code orderclock.engine.*}); anything unset takes the engine's own
 * {@code DeadlineEngine.DEFAULT_*} value, so the defaults live in one place.
 */
@ConfigurationProperties("orderclock.engine")
public record EngineProperties(
        Duration horizon,
        Duration tick,
        Long maxInMemory,
        Integer firingBatchSize,
        Integer firingThreads,
        Integer loadPageSize,
        Duration grace,
        Duration sweepInterval,
        Integer sweepBatchSize,
        Duration retryDelay) {

    public EngineProperties {
        horizon = orDefault(horizon, DeadlineEngine.DEFAULT_HORIZON);
        tick = orDefault(tick, DeadlineEngine.DEFAULT_TICK);
        maxInMemory = orDefault(maxInMemory, DeadlineEngine.DEFAULT_MAX_IN_MEMORY);
        firingBatchSize = orDefault(firingBatchSize, DeadlineEngine.DEFAULT_FIRING_BATCH_SIZE);
        firingThreads = orDefault(firingThreads, DeadlineEngine.DEFAULT_FIRING_THREADS);
        loadPageSize = orDefault(loadPageSize, DeadlineEngine.DEFAULT_LOAD_PAGE_SIZE);
        grace = orDefault(grace, DeadlineEngine.DEFAULT_GRACE);
        sweepInterval = orDefault(sweepInterval, DeadlineEngine.DEFAULT_SWEEP_INTERVAL);
        sweepBatchSize = orDefault(sweepBatchSize, DeadlineEngine.DEFAULT_SWEEP_BATCH_SIZE);
        retryDelay = orDefault(retryDelay, DeadlineEngine.DEFAULT_RETRY_DELAY);
    }

    /** All defaults: what an empty {@code orderclock.engine} section binds to. */
    public static EngineProperties defaults() {
        return new EngineProperties(null, null, null, null, null, null, null, null, null, null);
    }

    /** The builder with these settings; the caller adds sources and a listener. */
    public DeadlineEngine.Builder applyTo(DeadlineEngine.Builder builder) {
        return builder.horizon(horizon)
                .tick(tick)
                .maxInMemory(maxInMemory)
                .firingBatchSize(firingBatchSize)
                .firingThreads(firingThreads)
                .loadPageSize(loadPageSize)
                .grace(grace)
                .sweepInterval(sweepInterval)
                .sweepBatchSize(sweepBatchSize)
                .retryDelay(retryDelay);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
