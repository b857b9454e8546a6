package dev.orderclock.server.sim;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orderclock.sim.*}: whether the built-in channel simulator runs ({@code enabled}, default
 * true), the seed of its randomness (unset: a random seed), and its fault switches at start-up
 * (see {@link FaultSettings}; unset ones take {@link FaultSettings#DEFAULTS}).
 */
@ConfigurationProperties("orderclock.sim")
public record SimProperties(
        Boolean enabled,
        Long seed,
        Double notifyDropRate,
        Double notifyDuplicateRate,
        Long notifyDelayMs,
        Double queryFailRate,
        Double refundFailRate,
        Boolean acceptAfterClose,
        Boolean unscannedNotExist,
        Double retryScale) {

    public SimProperties {
        enabled = enabled == null || enabled;
        faults(notifyDropRate, notifyDuplicateRate, notifyDelayMs, queryFailRate, refundFailRate, acceptAfterClose,
                unscannedNotExist, retryScale); // refuses bad values at start-up
    }

    /** The switches the simulator starts with. */
    public FaultSettings faults() {
        return faults(notifyDropRate, notifyDuplicateRate, notifyDelayMs, queryFailRate, refundFailRate, acceptAfterClose,
                unscannedNotExist, retryScale);
    }

    private static FaultSettings faults(Double notifyDropRate, Double notifyDuplicateRate, Long notifyDelayMs,
                                        Double queryFailRate, Double refundFailRate, Boolean acceptAfterClose,
                                        Boolean unscannedNotExist, Double retryScale) {
        return new FaultSettings(notifyDropRate, notifyDuplicateRate, notifyDelayMs, queryFailRate, refundFailRate,
                acceptAfterClose, unscannedNotExist, retryScale).over(FaultSettings.DEFAULTS);
    }
}
