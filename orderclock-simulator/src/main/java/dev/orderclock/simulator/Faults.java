package dev.orderclock.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The fault switches in force, changed at run time through {@code PUT /sim/faults}, and the dice they roll. */
public final class Faults {

    private final AtomicReference<FaultSettings> current;
    private final SimRandom random;

    public Faults(FaultSettings initial, SimRandom random) {
        this.current = new AtomicReference<>(initial.over(FaultSettings.DEFAULTS));
        this.random = random;
    }

    public FaultSettings settings() {
        return current.get();
    }

    /** Applies the fields the patch names; answers the settings now in force. */
    public FaultSettings update(FaultSettings patch) {
        return current.updateAndGet(patch::over);
    }

    public boolean dropNotification() {
        return random.chance(settings().notifyDropRate());
    }

    public boolean duplicateNotification() {
        return random.chance(settings().notifyDuplicateRate());
    }

    public Duration notifyDelay() {
        return Duration.ofMillis(settings().notifyDelayMs());
    }

    /** Whether this query or close fails with a system error. */
    public boolean failQuery() {
        return random.chance(settings().queryFailRate());
    }

    /** Whether this refund or refund query answers a system error (a refund is carried out all the same). */
    public boolean failRefund() {
        return random.chance(settings().refundFailRate());
    }

    public boolean acceptAfterClose() {
        return settings().acceptAfterClose();
    }

    public boolean unscannedNotExist() {
        return settings().unscannedNotExist();
    }

    /** What the channel adds to the amount of a trade it opens: 0 for a well-behaved channel. */
    public BigDecimal openAmountOffset() {
        return settings().openAmountOffset();
    }

    /** A channel's retry interval as this run compresses it ({@code retry-scale}), at least a millisecond. */
    public Duration scaled(Duration interval) {
        long nanos = (long) (interval.toNanos() * settings().retryScale());
        return Duration.ofNanos(Math.max(nanos, 1_000_000));
    }
}
