package dev.orderclock.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;

/**
 * {@code orderclock.sim.*}: whether the built-in channel simulator runs ({@code enabled}, default
 * true), the seed of its randomness (unset: a random seed), its fault switches at start-up
 * (see {@link FaultSettings}; unset ones take {@link FaultSettings#DEFAULTS}), and its bounds:
 * {@code max-trades} in the ledger and {@code max-pending-notifications} waiting to be delivered.
 */
@ConfigurationProperties("orderclock.sim")
public final class SimProperties {

    /** Trades the ledger keeps, so that a long demo keeps a flat heap. */
    public static final int DEFAULT_MAX_TRADES = 100_000;
    /** Notification deliveries waiting for their next attempt. */
    public static final int DEFAULT_MAX_PENDING_NOTIFICATIONS = 10_000;

    private final boolean enabled;
    private final Long seed;
    private final FaultSettings faults;
    private final int maxTrades;
    private final int maxPendingNotifications;

    /** Bound from the properties; bad values are refused at start-up. */
    public SimProperties(
            Boolean enabled,
            Long seed,
            Double notifyDropRate,
            Double notifyDuplicateRate,
            Long notifyDelayMs,
            Double queryFailRate,
            Double refundFailRate,
            Boolean acceptAfterClose,
            Boolean unscannedNotExist,
            Double retryScale,
            BigDecimal openAmountOffset,
            Integer maxTrades,
            Integer maxPendingNotifications) {
        this.enabled = enabled == null || enabled;
        this.seed = seed;
        this.maxTrades = maxTrades != null ? maxTrades : DEFAULT_MAX_TRADES;
        this.maxPendingNotifications =
                maxPendingNotifications != null ? maxPendingNotifications : DEFAULT_MAX_PENDING_NOTIFICATIONS;
        if (this.maxTrades < 1 || this.maxPendingNotifications < 1) {
            throw new IllegalArgumentException(
                    "orderclock.sim.max-trades and max-pending-notifications must be at least 1");
        }
        this.faults = new FaultSettings(
                        notifyDropRate,
                        notifyDuplicateRate,
                        notifyDelayMs,
                        queryFailRate,
                        refundFailRate,
                        acceptAfterClose,
                        unscannedNotExist,
                        retryScale,
                        openAmountOffset)
                .over(FaultSettings.DEFAULTS);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Null: a random seed. */
    public Long seed() {
        return seed;
    }

    /** The switches the simulator starts with. */
    public FaultSettings faults() {
        return faults;
    }

    public int maxTrades() {
        return maxTrades;
    }

    public int maxPendingNotifications() {
        return maxPendingNotifications;
    }
}
