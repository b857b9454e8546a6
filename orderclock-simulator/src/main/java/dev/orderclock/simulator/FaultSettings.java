package dev.orderclock.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * The simulator's fault switches, named as the properties {@code orderclock.sim.*} without the prefix.
 * As the body of {@code PUT /sim/faults} a field left out keeps its current value.
 * {@code open-amount-offset} (yuan, default 0) is added to the amount of every trade the simulator opens:
 * the channel then holds each trade for another amount than the shop asked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultSettings(
        @JsonProperty("notify-drop-rate") Double notifyDropRate,
        @JsonProperty("notify-duplicate-rate") Double notifyDuplicateRate,
        @JsonProperty("notify-delay-ms") Long notifyDelayMs,
        @JsonProperty("query-fail-rate") Double queryFailRate,
        @JsonProperty("refund-fail-rate") Double refundFailRate,
        @JsonProperty("accept-after-close") Boolean acceptAfterClose,
        @JsonProperty("unscanned-not-exist") Boolean unscannedNotExist,
        @JsonProperty("retry-scale") Double retryScale,
        @JsonProperty("open-amount-offset") BigDecimal openAmountOffset) {

    public static final double DEFAULT_RATE = 0;
    public static final long DEFAULT_NOTIFY_DELAY_MS = 0;
    public static final double DEFAULT_RETRY_SCALE = 1.0;

    /** A well-behaved channel. */
    public static final FaultSettings DEFAULTS = new FaultSettings(
            DEFAULT_RATE,
            DEFAULT_RATE,
            DEFAULT_NOTIFY_DELAY_MS,
            DEFAULT_RATE,
            DEFAULT_RATE,
            false,
            false,
            DEFAULT_RETRY_SCALE,
            BigDecimal.ZERO);

    /**
     * These settings with every field left out taken from {@code base}.
     *
     * @throws IllegalArgumentException when a rate is outside 0..1, the delay negative or the scale not positive
     */
    public FaultSettings over(FaultSettings base) {
        FaultSettings merged = new FaultSettings(
                or(notifyDropRate, base.notifyDropRate),
                or(notifyDuplicateRate, base.notifyDuplicateRate),
                or(notifyDelayMs, base.notifyDelayMs),
                or(queryFailRate, base.queryFailRate),
                or(refundFailRate, base.refundFailRate),
                or(acceptAfterClose, base.acceptAfterClose),
                or(unscannedNotExist, base.unscannedNotExist),
                or(retryScale, base.retryScale),
                or(openAmountOffset, base.openAmountOffset));
        merged.check();
        return merged;
    }

    private void check() {
        rate("notify-drop-rate", notifyDropRate);
        rate("notify-duplicate-rate", notifyDuplicateRate);
        rate("query-fail-rate", queryFailRate);
        rate("refund-fail-rate", refundFailRate);
        if (notifyDelayMs != null && notifyDelayMs < 0) {
            throw new IllegalArgumentException("notify-delay-ms must not be negative");
        }
        if (retryScale != null && !(retryScale > 0 && Double.isFinite(retryScale))) {
            throw new IllegalArgumentException("retry-scale must be a positive number");
        }
        if (openAmountOffset != null && (openAmountOffset.signum() < 0 || openAmountOffset.scale() > 2)) {
            throw new IllegalArgumentException("open-amount-offset must be yuan from 0, two decimals at most");
        }
    }

    private static void rate(String name, Double rate) {
        if (rate != null && !(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be from 0 to 1");
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
