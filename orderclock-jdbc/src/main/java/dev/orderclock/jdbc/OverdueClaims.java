package dev.orderclock.jdbc;

import dev.orderclock.order.OrderTransition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Claims of overdue orders for one transaction, skipping rows another transaction holds so that
 * sweepers on several threads or nodes split a backlog rather than queue on it: locked by the
 * claim's own statement on PostgreSQL, by a second statement on their ids on H2
 * ({@link SqlDialect#claimSkippingLocked}).
 */
final class OverdueClaims {

    private final OrderSql sql;
    private final SqlDialect dialect;

    OverdueClaims(OrderSql sql, SqlDialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    /**
     * Whether anything is there to claim: one indexed look, meant to run outside a transaction, so
     * that a sweep of an idle database costs one statement, not a transaction with a claim and a commit.
     */
    boolean anyOverdue(Connection connection, OrderTransition transition, Instant cutoff) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql.anyOverdue(transition))) {
            Timestamps.setBound(select, 1, cutoff);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Locks up to {@code limit} rows due before {@code cutoff}, earliest first, skipping rows another
     * transaction holds (one statement on PostgreSQL, two on H2), and answers their ids.
     */
    long[] claim(Connection connection, OrderTransition transition, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement candidates = connection.prepareStatement(sql.claim(transition))) {
            Timestamps.setBound(candidates, 1, cutoff);
            candidates.setInt(2, limit);
            return claim(connection, candidates);
        }
    }

    /**
     * Runs {@code candidates}, a {@link SqlDialect#claimSkippingLocked} statement of order ids with
     * its parameters bound, and answers those of its ids this transaction holds locked.
     */
    long[] claim(Connection connection, PreparedStatement candidates) throws SQLException {
        long[] ids = OrderRows.ids(candidates);
        if (sql.lockClaimed() == null || ids.length == 0) {
            return ids;
        }
        try (PreparedStatement lock = connection.prepareStatement(sql.lockClaimed())) {
            lock.setArray(1, dialect.bigints(connection, ids));
            return OrderRows.ids(lock);
        }
    }
}
