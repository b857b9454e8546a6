package dev.orderclock.channels.wechat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * WeChat Pay's way of writing a moment ({@code time_expire}, {@code success_time}): RFC 3339 to the
 * second with the offset of China Standard Time, {@code 2026-11-24T19:50:00+08:00}.
 */
public final class WechatTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(ZONE);

    private WechatTime() {}

    /** The second the instant falls in; the milliseconds are dropped, never rounded up. */
    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Any RFC 3339 date-time with an offset. @throws DateTimeParseException when it is not one */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
    }

    /** The instant as WeChat Pay understands it once written: a trade never outlives the order's deadline. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
