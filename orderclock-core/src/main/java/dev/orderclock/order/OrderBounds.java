package dev.orderclock.order;

import dev.orderclock.settings.InvalidSettingException;

import java.time.Duration;

/**
 * The bounds every order keeps whatever the shop sets: the server's API validates requests against them,
 * and a shop's own limit or default may narrow them but never widen them.
 */
public final class OrderBounds {

    public static final int MAX_LINES = 100;
    public static final int MAX_QUANTITY = 10_000;
    public static final long MIN_PAY_TIMEOUT_SECONDS = 1;
    /** Seven days. */
    public static final long MAX_PAY_TIMEOUT_SECONDS = 604_800;

    private OrderBounds() {}

    /**
     * A time to pay set by the shop, refused at start unless whole seconds within the bounds.
     *
     * @param defaultValue how the property's default reads to an operator ({@code 30m})
     */
    public static Duration payTimeoutSetting(String property, Duration value, String defaultValue) {
        if (value.getNano() != 0
                || value.getSeconds() < MIN_PAY_TIMEOUT_SECONDS
                || value.getSeconds() > MAX_PAY_TIMEOUT_SECONDS) {
            throw InvalidSettingException.of(
                    property,
                    property + " must be whole seconds from " + MIN_PAY_TIMEOUT_SECONDS + " to "
                            + MAX_PAY_TIMEOUT_SECONDS + " (7 days, the API's own bound): it is " + value + ".",
                    "Set " + property + " to whole seconds up to 7d (e.g. 30m, 24h), or remove it for the default ("
                            + defaultValue + ").");
        }
        return value;
    }
}
