package dev.orderclock.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A verified notification, read: which of our trades, what happened, and the amount the channel
 * states. Only {@link Kind#PAID} can make an order paid; the others are acknowledged and ignored.
 */
public record PaymentNotification(
        String notifyId, String tradeNo, String channelTradeNo, Kind kind, BigDecimal amount, Instant paidAt) {

    public enum Kind {
        PAID,
        CLOSED,
        REFUNDED,
        OTHER
    }
}
