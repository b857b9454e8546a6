package dev.orderclock.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * When a trade opened now expires, as both simulated channels read the shop's {@code time_expire}:
 * that time, or the channel's default life when it is absent; a time that does not parse, or has
 * passed, is refused.
 *
 * @param at      the expiry, null when refused
 * @param refusal why the channel refuses the time, for its invalid-parameter answer; null when accepted
 */
public record TradeExpiry(Instant at, String refusal) {

    /**
     * @param timeExpire the shop's {@code time_expire}, null when it set none
     * @param parse      the channel's time format, throwing {@link DateTimeParseException}
     * @param format     that format, for the refusal ("yyyy-MM-dd HH:mm:ss")
     * @param life       the channel's default life of a trade
     */
    public static TradeExpiry of(
            String timeExpire, Function<String, Instant> parse, String format, Duration life, Instant now) {
        Instant at;
        try {
            at = timeExpire == null ? now.plus(life) : parse.apply(timeExpire);
        } catch (DateTimeParseException e) {
            return new TradeExpiry(null, "time_expire must be " + format);
        }
        return at.isAfter(now) ? new TradeExpiry(at, null) : new TradeExpiry(null, "time_expire has passed");
    }

    public boolean refused() {
        return refusal != null;
    }
}
