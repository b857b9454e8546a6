package dev.orderclock.jdbc;

import dev.orderclock.order.HoldingLimitExceededException;
import dev.orderclock.order.HoldingLimits;
import dev.orderclock.order.NewOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Checks, in the order's own transaction, that its shopper may hold it. The shopper's row in
 * {@code shopper_locks} is locked first, so two orders of one shopper (on any node sharing the
 * database) count and insert one after the other: the second counts the first once it commits.
 * Products are locked later, and nothing else takes a shopper's lock, so no lock cycle can form.
 */
final class ShopperHolds {

    static final String LOCK = "SELECT user_id FROM shopper_locks WHERE user_id = ? FOR UPDATE";

    /**
     * Every order has a line, so the join loses none; reads the shopper's pending orders through
     * {@code orders_pending_by_user} (V6) and their lines by primary key.
     */
    static final String HELD = """
            SELECT COUNT(DISTINCT o.id) AS orders, COALESCE(SUM(l.quantity), 0) AS units
              FROM orders o JOIN order_lines l ON l.order_id = o.id
             WHERE o.user_id = ? AND o.status = 'PENDING_PAYMENT'""";

    /** A first order's row might be inserted by a racing first order too: a few rounds settle who. */
    private static final int LOCK_ATTEMPTS = 3;

    private final SqlDialect dialect;

    ShopperHolds(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** @throws HoldingLimitExceededException when the order would pass a limit (the caller rolls back) */
    void admit(Connection connection, NewOrder order, HoldingLimits limits) throws SQLException {
        if (limits.isNone()) {
            return;
        }
        lock(connection, order.userId());
        long heldOrders;
        long heldUnits;
        try (PreparedStatement select = connection.prepareStatement(HELD)) {
            select.setString(1, order.userId());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                heldOrders = row.getLong("orders");
                heldUnits = row.getLong("units");
            }
        }
        HoldingLimits.Limit passed = limits.passedBy(heldOrders, heldUnits, order.units());
        if (passed != null) {
            throw new HoldingLimitExceededException(order.userId(), passed, limits.valueOf(passed));
        }
    }

    private void lock(Connection connection, String userId) throws SQLException {
        for (int attempt = 1; attempt <= LOCK_ATTEMPTS; attempt++) {
            if (lockExisting(connection, userId)) {
                return;
            }
            insertIfAbsent(connection, userId);
        }
        throw new SQLException("could not lock the row of shopper " + userId + " after " + LOCK_ATTEMPTS + " attempts");
    }

    private static boolean lockExisting(Connection connection, String userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setString(1, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private void insertIfAbsent(Connection connection, String userId) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(dialect.insertIgnoringDuplicate("shopper_locks", "user_id"))) {
            insert.setString(1, userId);
            insert.executeUpdate();
        } catch (SQLException e) {
            // H2: a racing first order inserted it; the failed statement alone is undone, and the
            // next lock waits for that order to finish.
            if (!SqlStates.isUniqueViolation(e)) {
                throw e;
            }
        }
    }
}
