package dev.orderclock.bench.compare;

import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A peer's orders as they ended, judged from their own timestamps: closes, their lag and pace,
 * late and missed closes, paid orders closed, and whether the stock was conserved.
 */
record OrdersReadback(
        long closed,
        long missed,
        long late,
        long paidClosed,
        Boolean stockConserved,
        Histogram lag,
        List<Long> closedIds,
        Instant first,
        Instant last) {

    Double closesPerSecond() {
        if (closed < 2 || first == null) {
            return null;
        }
        double seconds = Duration.between(first, last).toMillis() / 1000.0;
        return seconds > 0 ? closed / seconds : (double) closed;
    }

    /** From the first close to the last, or null when nothing closed. */
    Long firstToLastMs() {
        return first == null ? null : Duration.between(first, last).toMillis();
    }

    /**
     * Reads every order of {@code session}'s schema at {@code now}: a close later than {@code grace}
     * after the deadline is late, an order still pending {@code grace} after it is missed.
     */
    static OrdersReadback read(Connection session, Set<Long> paid, Duration grace, long stockTotal, Instant now)
            throws SQLException {
        Histogram lag = new Histogram(3);
        long closed = 0, missed = 0, late = 0, paidClosed = 0, stillReserved = 0;
        Instant first = null, last = null;
        List<Long> closedIds = new ArrayList<>();
        try (Statement select = session.createStatement()) {
            try (ResultSet row = select.executeQuery("SELECT id, status, pay_deadline, closed_at FROM orders")) {
                while (row.next()) {
                    String status = row.getString(2);
                    Instant deadline = row.getObject(3, OffsetDateTime.class).toInstant();
                    if ("CLOSED".equals(status)) {
                        closed++;
                        closedIds.add(row.getLong(1));
                        if (paid.contains(row.getLong(1))) {
                            paidClosed++;
                        }
                        Instant closedAt =
                                row.getObject(4, OffsetDateTime.class).toInstant();
                        long ms = Duration.between(deadline, closedAt).toMillis();
                        if (ms > grace.toMillis()) {
                            late++;
                        }
                        lag.recordValue(Math.max(0, ms));
                        first = first == null || closedAt.isBefore(first) ? closedAt : first;
                        last = last == null || closedAt.isAfter(last) ? closedAt : last;
                    } else {
                        stillReserved++;
                        if ("PENDING_PAYMENT".equals(status)
                                && deadline.plus(grace).isBefore(now)) {
                            missed++;
                        }
                    }
                }
            }
            // Stock is conserved when what is on the shelves plus what pending and paid orders hold is what was put
            // there.
            try (ResultSet row = select.executeQuery("SELECT sum(available) FROM stock")) {
                row.next();
                return new OrdersReadback(
                        closed,
                        missed,
                        late,
                        paidClosed,
                        row.getLong(1) + stillReserved == stockTotal,
                        lag,
                        closedIds,
                        first,
                        last);
            }
        }
    }
}
