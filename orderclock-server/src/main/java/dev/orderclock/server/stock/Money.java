package dev.orderclock.server.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money on the wire: a decimal string, always with two decimals out ({@code "19.98"}), at most two
 * in, never a JSON number, so no client ever rounds a price through a float.
 */
public final class Money {

    /** Up to ten digits before the point (the price column's precision) and up to two after. */
    public static final String PATTERN = "(0|[1-9][0-9]{0,9})(\\.[0-9]{1,2})?";

    private Money() {}

    public static String format(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Parses a string already checked against {@link #PATTERN}. */
    public static BigDecimal parse(String text) {
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }
}
