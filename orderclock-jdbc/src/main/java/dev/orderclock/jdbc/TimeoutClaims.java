package dev.orderclock.jdbc;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.TimeoutBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;

/**
 * Closing unpaid orders for timeout, and in the same transaction claiming for a channel check those
 * the close leaves alone because they hold an open payment attempt ({@code check_claimed_until}).
 * The wheel's firing and the sweeper both go through here, so an order with a trade is found by
 * the same paths, in the same bound, as one without.
 */
final class TimeoutClaims {

    private static final OrderTransition CLOSE = OrderTransition.CLOSE_FOR_TIMEOUT;

    /** Overdue, unpaid, and either closable now or held by an attempt that no check has claimed. Parameters: cutoff, now. */
    private static final String SWEEPABLE = """
            status = 'PENDING_PAYMENT' AND pay_deadline < ?
               AND (open_trade_no IS NULL OR check_claimed_until IS NULL OR check_claimed_until <= ?)""";

    /**
     * The sweeper's idle look. Ordered by the deadline for the reason OrderSql's look is: unordered,
     * PostgreSQL's generic plan (a server-prepared statement after five runs) scans the table for its
     * LIMIT 1 and reads every pending row whenever none is overdue (20,000 rows a look on an idle
     * cluster, measured with pg_stat_database); ordered, it reads the deadline index from its start
     * and stops at the first entry past the cutoff, 0 rows read (PostgresIdleLookIT). The status
     * leads for H2's (status, pay_deadline, id) index. Parameters: cutoff, now.
     */
    static final String ANY_SWEEPABLE =
            "SELECT 1 FROM orders\n WHERE " + SWEEPABLE + "\n ORDER BY status, pay_deadline\n LIMIT 1";

    /** Parameters: check claimed until, ids as an array, now. */
    static final String CLAIM_FOR_CHECK = "UPDATE orders SET check_claimed_until = ?\n WHERE "
            + OrderSql.byIds("status = 'PENDING_PAYMENT' AND pay_deadline <= ? AND open_trade_no IS NOT NULL");

    /** As {@link #CLAIM_FOR_CHECK}, respecting another claim still running. Parameters: that and now again. */
    private static final String CLAIM_UNCLAIMED_FOR_CHECK =
            CLAIM_FOR_CHECK + "\n   AND (check_claimed_until IS NULL OR check_claimed_until <= ?)";

    private final Transactions transactions;
    private final TransitionWriter transitions;
    private final SqlDialect dialect;
    private final OverdueClaims claims;
    private final String candidates;
    private final String claimForCheck;
    private final String claimUnclaimedForCheck;

    TimeoutClaims(Transactions transactions, TransitionWriter transitions, SqlDialect dialect, OverdueClaims claims) {
        this.transactions = transactions;
        this.transitions = transitions;
        this.dialect = dialect;
        this.claims = claims;
        // The status leads the ORDER BY for H2's (status, pay_deadline, id) index, as in OrderSql.
        this.candidates = dialect.claimSkippingLocked(
                "SELECT id FROM orders\n WHERE " + SWEEPABLE + "\n ORDER BY status, pay_deadline, id\n LIMIT ?");
        this.claimForCheck = dialect.updateReturning(CLAIM_FOR_CHECK, "id");
        this.claimUnclaimedForCheck = dialect.updateReturning(CLAIM_UNCLAIMED_FOR_CHECK, "id");
    }

    TimeoutBatch closeDue(long[] ids, InstantSource clock, Duration checkClaim) {
        if (ids.length == 0) {
            return TimeoutBatch.EMPTY;
        }
        return transactions.run("close due for timeout", connection -> {
            List<Order> closed = transitions.apply(connection, CLOSE, ids, true, clock);
            long[] rest = notIn(ids, closed);
            long[] held = rest.length == 0
                    ? new long[0]
                    : claimForCheck(connection, rest, clock.instant(), checkClaim, false);
            return new TimeoutBatch(closed, held);
        });
    }

    TimeoutBatch sweep(Instant cutoff, int limit, InstantSource clock, Duration checkClaim) {
        if (limit <= 0 || !anySweepable(cutoff, clock.instant())) {
            return TimeoutBatch.EMPTY;
        }
        return transactions.run("sweep for timeout", connection -> {
            long[] ids = claim(connection, cutoff, clock.instant(), limit);
            List<Order> closed = transitions.apply(connection, CLOSE, ids, true, clock);
            long[] rest = notIn(ids, closed);
            long[] held =
                    rest.length == 0 ? new long[0] : claimForCheck(connection, rest, clock.instant(), checkClaim, true);
            return new TimeoutBatch(closed, held);
        });
    }

    /** One indexed look outside a transaction: an idle sweep costs one statement. */
    private boolean anySweepable(Instant cutoff, Instant now) {
        return transactions.read("look for overdue unpaid orders", connection -> {
            try (PreparedStatement select = connection.prepareStatement(ANY_SWEEPABLE)) {
                Timestamps.setBound(select, 1, cutoff);
                Timestamps.set(select, 2, now);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    private long[] claim(Connection connection, Instant cutoff, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(candidates)) {
            Timestamps.setBound(select, 1, cutoff);
            Timestamps.set(select, 2, now);
            select.setInt(3, limit);
            return claims.claim(connection, select);
        }
    }

    /**
     * Marks those of {@code ids} still due with an open attempt as claimed until {@code now + checkClaim}
     * and answers them; with {@code unclaimedOnly}, skips those another claim still holds (a sweeper
     * that read its candidates before that claim committed).
     */
    private long[] claimForCheck(
            Connection connection, long[] ids, Instant now, Duration checkClaim, boolean unclaimedOnly)
            throws SQLException {
        Instant at = Timestamps.millis(now);
        try (PreparedStatement update =
                connection.prepareStatement(unclaimedOnly ? claimUnclaimedForCheck : claimForCheck)) {
            Timestamps.set(update, 1, at.plus(checkClaim));
            update.setArray(2, dialect.bigints(connection, ids));
            Timestamps.set(update, 3, at);
            if (unclaimedOnly) {
                Timestamps.set(update, 4, at);
            }
            long[] held = OrderRows.ids(update);
            Arrays.sort(held);
            return held;
        }
    }

    private static long[] notIn(long[] ids, List<Order> closed) {
        long[] closedIds = closed.stream().mapToLong(Order::id).sorted().toArray();
        return Arrays.stream(ids)
                .distinct()
                .filter(id -> Arrays.binarySearch(closedIds, id) < 0)
                .toArray();
    }
}
