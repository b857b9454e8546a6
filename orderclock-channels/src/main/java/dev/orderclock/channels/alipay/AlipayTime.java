package dev.orderclock.channels.alipay;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/**
 * Alipay's way of writing a moment ({@code timestamp}, {@code time_expire}, {@code gmt_payment}):
 * {@code yyyy-MM-dd HH:mm:ss} on the wall clock of China Standard Time, to the second.
 */
public final class AlipayTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZONE).withResolverStyle(ResolverStyle.STRICT);

    private AlipayTime() {}

    /** The second the instant falls in; the milliseconds are dropped, never rounded up. */
    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** @throws DateTimeParseException when the text is not in Alipay's format */
    public static Instant parse(String text) {
        return FORMAT.parse(text, Instant::from);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The instant as Alipay will understand it once written: a trade that must expire no later than a
     * deadline of {@code 19:50:00.123} expires at {@code 19:50:00}.
     */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
