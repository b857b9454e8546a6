package dev.orderclock.server.stats;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** docs/API.md's timestamps, {@code 2026-11-24T19:20:00.123Z}, for the stats views (the order package has its own). */
final class ApiTime {

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ApiTime() {}

    static String of(Instant instant) {
        return instant == null ? null : MILLIS_UTC.format(instant);
    }
}
