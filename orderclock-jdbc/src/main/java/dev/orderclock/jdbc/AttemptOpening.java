package dev.orderclock.jdbc;

import dev.orderclock.order.Order;
import dev.orderclock.payment.OpenResult;
import dev.orderclock.payment.PaymentAttempt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Opening a payment attempt, claimed on its order's row first: an order has at most one open attempt,
 * only while it is pending and not yet overdue, and racing opens never pass the limit of attempts.
 */
final class AttemptOpening {

    private final OrderRows orders;

    AttemptOpening(OrderRows orders) {
        this.orders = orders;
    }

    OpenResult open(Connection connection, long orderId, String channel, Instant now, int maxAttempts)
            throws SQLException {
        Order order = orders.find(connection, orderId).orElse(null);
        if (order == null) {
            return new OpenResult.NotFound(orderId);
        }
        long attempts = AttemptStatements.count(connection, orderId);
        String tradeNo = PaymentAttempt.tradeNo(order.displayId(), attempts + 1);
        if (AttemptStatements.update(connection, PaymentSql.CLAIM_ORDER, tradeNo, orderId, now) == 0) {
            OpenResult refused = refusal(connection, orderId);
            // Switching channel at the limit would close the open attempt for nothing: refused before.
            if (refused instanceof OpenResult.AlreadyOpen open
                    && !open.attempt().channel().equals(channel)
                    && attempts >= maxAttempts) {
                return new OpenResult.LimitReached(order, maxAttempts);
            }
            return refused;
        }
        // Counted again under the order row's lock, which every opening takes: racing calls never pass the limit.
        if (AttemptStatements.count(connection, orderId) >= maxAttempts) {
            AttemptStatements.expectOne(
                    AttemptStatements.update(connection, PaymentSql.RELEASE_ORDER, orderId, tradeNo),
                    "release of the claim just made");
            return new OpenResult.LimitReached(order, maxAttempts);
        }
        try (PreparedStatement insert = connection.prepareStatement(PaymentSql.INSERT)) {
            insert.setString(1, tradeNo);
            insert.setLong(2, orderId);
            insert.setString(3, channel);
            insert.setBigDecimal(4, order.amount());
            Timestamps.set(insert, 5, now);
            // Never later than the order's deadline: after it, nobody may pay.
            Timestamps.set(insert, 6, order.payDeadline());
            Batches.expectOneRowEach(new int[] {insert.executeUpdate()}, "attempt insert");
        }
        return new OpenResult.Opened(
                AttemptStatements.find(connection, tradeNo, false).orElseThrow());
    }

    /** Why the order row refused the claim: another open attempt, or the order's status or deadline. */
    private OpenResult refusal(Connection connection, long orderId) throws SQLException {
        String open;
        try (PreparedStatement select = connection.prepareStatement(PaymentSql.OPEN_TRADE_OF_ORDER)) {
            select.setLong(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                open = row.next() ? row.getString(1) : null;
            }
        }
        if (open != null) {
            Optional<PaymentAttempt> attempt = AttemptStatements.find(connection, open, false);
            if (attempt.isPresent()) {
                return new OpenResult.AlreadyOpen(attempt.get());
            }
        }
        return orders.find(connection, orderId)
                .<OpenResult>map(OpenResult.Refused::new)
                .orElseGet(() -> new OpenResult.NotFound(orderId));
    }
}
