package dev.orderclock.deadline;

import java.time.Duration;
import java.util.List;

/**
 * The settings an engine was built with, validated and with the defaults filled in by
 * {@link DeadlineEngineBuilder}; one value handed to the parts and the threads instead of the builder.
 */
record EngineSettings(
        List<Registration> sources,
        List<InboxRegistration> inboxes,
        Duration horizon,
        Duration tick,
        long maxInMemory,
        int firingBatchSize,
        int firingThreads,
        int loadPageSize,
        Duration grace,
        Duration sweepInterval,
        int sweepBatchSize,
        Duration retryDelay,
        boolean horizonLoading,
        SweepTurn sweepTurn,
        EngineListener listener) {

    EngineSettings {
        sources = List.copyOf(sources);
        inboxes = List.copyOf(inboxes);
    }

    /** The builder's check: a setting that must be more than zero. */
    static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    /** A source and its own sweep interval, or null for the engine's. */
    record Registration(DeadlineSource source, Duration sweepInterval) {}

    /** An inbox whose requests go to {@code source}'s wheel. */
    record InboxRegistration(DeadlineSource source, DeadlineInbox inbox) {}
}
