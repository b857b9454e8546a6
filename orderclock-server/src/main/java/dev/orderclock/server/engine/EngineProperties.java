package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineEngineBuilder;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The deadline engine's settings ({@code orderclock.engine.*}); anything unset takes the engine's own
 * {@code DeadlineEngine.DEFAULT_*} value, so the defaults live in one place. The one setting the
 * engine has no default for is the auto-confirm source's sweep interval
 * ({@link #DEFAULT_AUTO_CONFIRM_SWEEP_INTERVAL}).
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
        Duration autoConfirmSweepInterval,
        Integer sweepBatchSize,
        Duration retryDelay) {

    /**
     * Auto-confirm deadlines are days away and nobody waits on the second: a lost one may close a few
     * seconds later than a payment timeout, for a tenth of the sweeper's looks at it.
     */
    public static final Duration DEFAULT_AUTO_CONFIRM_SWEEP_INTERVAL = Duration.ofSeconds(10);

    public EngineProperties {
        horizon = orDefault(horizon, DeadlineEngine.DEFAULT_HORIZON);
        tick = orDefault(tick, DeadlineEngine.DEFAULT_TICK);
        maxInMemory = orDefault(maxInMemory, DeadlineEngine.DEFAULT_MAX_IN_MEMORY);
        firingBatchSize = orDefault(firingBatchSize, DeadlineEngine.DEFAULT_FIRING_BATCH_SIZE);
        firingThreads = orDefault(firingThreads, DeadlineEngine.DEFAULT_FIRING_THREADS);
        loadPageSize = orDefault(loadPageSize, DeadlineEngine.DEFAULT_LOAD_PAGE_SIZE);
        grace = orDefault(grace, DeadlineEngine.DEFAULT_GRACE);
        sweepInterval = orDefault(sweepInterval, DeadlineEngine.DEFAULT_SWEEP_INTERVAL);
        autoConfirmSweepInterval = orDefault(autoConfirmSweepInterval, DEFAULT_AUTO_CONFIRM_SWEEP_INTERVAL);
        sweepBatchSize = orDefault(sweepBatchSize, DeadlineEngine.DEFAULT_SWEEP_BATCH_SIZE);
        retryDelay = orDefault(retryDelay, DeadlineEngine.DEFAULT_RETRY_DELAY);
    }

    /** All defaults: what an empty {@code orderclock.engine} section binds to. */
    public static EngineProperties defaults() {
        return new EngineProperties(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The builder with these settings; the caller adds sources (auto-confirm with
     * {@link #autoConfirmSweepInterval()}) and a listener.
     */
    public DeadlineEngineBuilder applyTo(DeadlineEngineBuilder builder) {
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
