package dev.orderclock.server.payment;

import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.server.order.OrderView;

import io.swagger.v3.oas.annotations.media.Schema;

/** A trade opened for an order (docs/API.md, {@code /pay}): where to pay and until when. */
@Schema(name = "PaymentAttempt")
public record TradeView(
        String tradeNo,
        @Schema(allowableValues = {"alipay", "wechat"}) String channel,
        String payUrl,
        @Schema(format = "date-time") String expiresAt) {

    static TradeView of(PaymentAttempt attempt) {
        return new TradeView(
                attempt.tradeNo(), attempt.channel(), attempt.payUrl(), OrderView.time(attempt.expiresAt()));
    }
}
