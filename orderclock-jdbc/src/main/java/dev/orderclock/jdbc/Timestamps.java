package dev.orderclock.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from {@code TIMESTAMP(3) WITH TIME ZONE}: bound as an {@link OffsetDateTime} at
 * UTC and read back as an instant, so the session time zone never matters. The columns keep
 * milliseconds, so values are truncated to milliseconds before they are written (the database would
 * round, and the order handed back would differ from the one stored).
 */
final class Timestamps {

    /** The range both databases can hold; query bounds outside it (a scan from the beginning) are pulled in. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private Timestamps() {}

    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, millis(instant).atOffset(ZoneOffset.UTC));
        }
    }

    /** Binds a query bound, clamped into the range the databases hold. */
    static void setBound(PreparedStatement statement, int index, Instant bound) throws SQLException {
        Instant clamped = bound.isBefore(EARLIEST) ? EARLIEST : bound.isAfter(LATEST) ? LATEST : bound;
        set(statement, index, clamped);
    }

    static Instant get(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The instant of epoch milliseconds that may lie far outside what {@link Instant} or the databases hold. */
    static Instant ofMillis(long epochMillis) {
        return epochMillis <= EARLIEST.toEpochMilli()
                ? EARLIEST
                : epochMillis >= LATEST.toEpochMilli() ? LATEST : Instant.ofEpochMilli(epochMillis);
    }
}
