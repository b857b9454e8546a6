package dev.orderclock.server.payment;

import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.server.order.OrderView;

/** A trade opened for an order (API.md, {@code /pay}): where to pay and until when. */
public record TradeView(String tradeNo, String channel, String payUrl, String expiresAt) {

    static TradeView of(PaymentAttempt attempt) {
        return new TradeView(attempt.tradeNo(), attempt.channel(), attempt.payUrl(), OrderView.time(attempt.expiresAt()));
    }
}
