package dev.orderclock.jdbc;

import dev.orderclock.payment.PaymentAttempt;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The statements the payment store ({@link JdbcPaymentStore}, {@link AttemptOpening}, {@link AttemptSettlement})
 * runs on {@code payment_attempts} inside a call's transaction, with the row count of every update
 * checked: 0 is an outcome its caller names, 1 success, more a bug.
 */
final class AttemptStatements {

    private AttemptStatements() {}

    static long count(Connection connection, long orderId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(PaymentSql.COUNT_OF_ORDER)) {
            select.setLong(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static Optional<PaymentAttempt> find(Connection connection, String tradeNo, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(lock ? PaymentSql.LOCK : PaymentSql.FIND)) {
            select.setString(1, tradeNo);
            try (ResultSet rows = select.executeQuery()) {
                return PaymentRows.all(rows).stream().findFirst();
            }
        }
    }

    /** One page of a scan keyed by {@code (instant, trade_no)}: parameters by, after instant, after trade no, limit. */
    static List<PaymentAttempt> page(
            Connection connection, String sql, Instant by, Instant afterAt, String afterTradeNo, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            Timestamps.setBound(select, 1, by);
            Timestamps.setBound(select, 2, afterAt != null ? afterAt : Timestamps.ofMillis(Long.MIN_VALUE));
            select.setString(3, afterTradeNo != null ? afterTradeNo : "");
            select.setInt(4, limit);
            try (ResultSet rows = select.executeQuery()) {
                return PaymentRows.all(rows);
            }
        }
    }

    static List<PaymentAttempt> select(Connection connection, String sql, long orderId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, orderId);
            try (ResultSet rows = select.executeQuery()) {
                return PaymentRows.all(rows);
            }
        }
    }

    /**
     * Clears the order's open attempt if it is still this one. False when it is not (it was released
     * when the attempt was closed or paid before, or the order has another open attempt): nothing to clear.
     */
    static boolean releaseOrder(Connection connection, PaymentAttempt attempt) throws SQLException {
        return update(connection, PaymentSql.RELEASE_ORDER, attempt.orderId(), attempt.tradeNo()) == 1;
    }

    /**
     * Closes the attempt if it is still open and then clears its order's open attempt. False when it
     * was not open (closed before, by a retry of the same call or by another): nothing changed.
     */
    static boolean close(Connection connection, PaymentAttempt attempt, Instant at) throws SQLException {
        if (update(connection, PaymentSql.MARK_CLOSED, at, attempt.tradeNo()) == 0) {
            return false;
        }
        releaseOrder(connection, attempt);
        return true;
    }

    /**
     * Owes {@code amount} back under the request number the trade fixes, so that a retried refund is
     * the same refund. For a locked attempt known to owe none yet: a trade is refunded at most once.
     */
    static void refundDue(Connection connection, String tradeNo, BigDecimal amount) throws SQLException {
        expectOne(
                update(connection, PaymentSql.REFUND_DUE, PaymentAttempt.refundRequestNo(tradeNo), amount, tradeNo),
                "refund of " + tradeNo);
    }

    /** For an update whose row is locked and known to qualify: anything but one row is a bug. */
    static int expectOne(int rows, String what) {
        if (rows != 1) {
            throw new IllegalStateException(what + " changed " + rows + " rows, not 1");
        }
        return rows;
    }

    /**
     * Binds strings, longs, decimals and instants in order and answers the row count: 0 or 1, since
     * every update here names one row by its key; more is a bug and throws (rolling the call back).
     */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value == null) {
                    update.setNull(i + 1, Types.VARCHAR); // only text parameters are ever null here
                } else if (value instanceof Instant instant) {
                    Timestamps.set(update, i + 1, instant);
                } else {
                    update.setObject(i + 1, value);
                }
            }
            int rows = update.executeUpdate();
            if (rows > 1) {
                throw new IllegalStateException("an update of one row changed " + rows + ": " + sql);
            }
            return rows;
        }
    }
}
