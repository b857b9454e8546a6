package dev.orderclock.web.config;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The HTTP contract's timestamps, {@code 2026-11-24T19:20:00.123Z}: always three decimals, always UTC. */
public final class ApiTime {

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ApiTime() {}

    /** {@code null} for {@code null}: a moment that has not happened is absent, not a sentinel. */
    public static String of(Instant instant) {
        return instant == null ? null : MILLIS_UTC.format(instant);
    }
}
