package dev.orderclock.server.sim;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;

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
        Double retryScale,
        BigDecimal openAmountOffset) {

    public SimProperties {
        enabled = enabled == null || enabled;
        faults(notifyDropRate, notifyDuplicateRate, notifyDelayMs, queryFailRate, refundFailRate, acceptAfterClose,
                unscannedNotExist, retryScale, openAmountOffset); // refuses bad values at start-up
    }

    /** The switches the simulator starts with. */
    public FaultSettings faults() {
        return faults(notifyDropRate, notifyDuplicateRate, notifyDelayMs, queryFailRate, refundFailRate, acceptAfterClose,
                unscannedNotExist, retryScale, openAmountOffset);
    }

    private static FaultSettings faults(Double notifyDropRate, Double notifyDuplicateRate, Long notifyDelayMs,
                                        Double queryFailRate, Double refundFailRate, Boolean acceptAfterClose,
                                        Boolean unscannedNotExist, Double retryScale, BigDecimal openAmountOffset) {
        return new FaultSettings(notifyDropRate, notifyDuplicateRate, notifyDelayMs, queryFailRate, refundFailRate,
                acceptAfterClose, unscannedNotExist, retryScale, openAmountOffset).over(FaultSettings.DEFAULTS);
    }
}
