package dev.orderclock.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.math.BigDecimal;

/**
 * {@code orderclock.sim.*}: whether the built-in channel simulator runs ({@code enabled}, default
 * true), the seed of its randomness (unset: a random seed), its fault switches at start-up
 * (see {@link FaultSettings}; unset ones take {@link FaultSettings#DEFAULTS}), and its bounds:
 * {@code max-trades} in the ledger and {@code max-pending-notifications} waiting to be delivered.
 *
 * @param faults the switches the simulator starts with
 */
@ConfigurationProperties("orderclock.sim")
public record SimProperties(
        Boolean enabled, Long seed, FaultSettings faults, Integer maxTrades, Integer maxPendingNotifications) {

    /** Trades the ledger keeps, so that a long demo keeps a flat heap. */
    public static final int DEFAULT_MAX_TRADES = 100_000;
    /** Notification deliveries waiting for their next attempt. */
    public static final int DEFAULT_MAX_PENDING_NOTIFICATIONS = 10_000;

    public SimProperties {
        enabled = enabled == null || enabled;
        maxTrades = maxTrades != null ? maxTrades : DEFAULT_MAX_TRADES;
        maxPendingNotifications =
                maxPendingNotifications != null ? maxPendingNotifications : DEFAULT_MAX_PENDING_NOTIFICATIONS;
        if (maxTrades < 1 || maxPendingNotifications < 1) {
            throw new IllegalArgumentException(
                    "orderclock.sim.max-trades and max-pending-notifications must be at least 1");
        }
    }

    /** Bound from the properties, each fault switch on its own; bad values are refused at start-up. */
    @ConstructorBinding
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
        this(
                enabled,
                seed,
                new FaultSettings(
                                notifyDropRate,
                                notifyDuplicateRate,
                                notifyDelayMs,
                                queryFailRate,
                                refundFailRate,
                                acceptAfterClose,
                                unscannedNotExist,
                                retryScale,
                                openAmountOffset)
                        .over(FaultSettings.DEFAULTS),
                maxTrades,
                maxPendingNotifications);
    }
}
