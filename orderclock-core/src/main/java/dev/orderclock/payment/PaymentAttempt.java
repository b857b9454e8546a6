package dev.orderclock.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One try at paying an order through a channel, under its own trade number; an order keeps them all,
 * at most one {@link Status#OPEN}. {@code refund} is set when its money reached an order no longer
 * pending and must go back.
 */
public record PaymentAttempt(
        String tradeNo,
        long orderId,
        String channel,
        BigDecimal amount,
        Status status,
        Instant openedAt,
        Instant expiresAt,
        String payUrl,
        String channelTradeNo,
        Instant paidAt,
        Instant closedAt,
        Refund refund) {

    public enum Status {
        OPEN,
        PAID,
        CLOSED,
        /**
         * The channel's trade under this number carries another amount, currency or merchant: it is
         * closed at the channel (or its money refunded) and never pays the order.
         */
        MISMATCHED
    }

    /** Money to give back, under a request number fixed once so that every retry is the same refund. */
    public record Refund(String requestNo, RefundStatus status, BigDecimal amount, Instant refundedAt) {}

    public enum RefundStatus {
        REFUND_PENDING,
        REFUNDED
    }

    /**
     * The trade number of an order's n-th attempt, e.g. {@code ORD_7Q3K9ZP2M4_1}: letters, digits and
     * underscores only, which is all Alipay's {@code out_trade_no} accepts.
     */
    public static String tradeNo(String orderDisplayId, long attempt) {
        return orderDisplayId.replace('-', '_') + "_" + attempt;
    }

    /** The refund request number of a trade: fixed, so that the channel sees every retry as one refund. */
    public static String refundRequestNo(String tradeNo) {
        return "RF_" + tradeNo;
    }

    /** Whether the channel has been asked to open it (a failed open leaves no pay URL). */
    public boolean isOpenedAtChannel() {
        return payUrl != null;
    }
}
