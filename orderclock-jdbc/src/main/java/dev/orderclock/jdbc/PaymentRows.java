package dev.orderclock.jdbc;

import dev.orderclock.payment.PaymentAttempt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Rows of {@code payment_attempts} ({@link PaymentSql#COLUMNS}) back into {@link PaymentAttempt}s. */
final class PaymentRows {

    private PaymentRows() {}

    static List<PaymentAttempt> all(ResultSet rows) throws SQLException {
        List<PaymentAttempt> attempts = new ArrayList<>();
        while (rows.next()) {
            attempts.add(attempt(rows));
        }
        return attempts;
    }

    private static PaymentAttempt attempt(ResultSet row) throws SQLException {
        String refundStatus = row.getString("refund_status");
        PaymentAttempt.Refund refund = refundStatus == null
                ? null
                : new PaymentAttempt.Refund(
                        row.getString("refund_request_no"), PaymentAttempt.RefundStatus.valueOf(refundStatus),
                        row.getBigDecimal("refund_amount"), Timestamps.get(row, "refunded_at"));
        return new PaymentAttempt(
                row.getString("trade_no"),
                row.getLong("order_id"),
                row.getString("channel"),
                row.getBigDecimal("amount"),
                PaymentAttempt.Status.valueOf(row.getString("status")),
                Timestamps.get(row, "opened_at"),
                Timestamps.get(row, "expires_at"),
                row.getString("pay_url"),
                row.getString("channel_trade_no"),
                Timestamps.get(row, "paid_at"),
                Timestamps.get(row, "closed_at"),
                refund);
    }
}
