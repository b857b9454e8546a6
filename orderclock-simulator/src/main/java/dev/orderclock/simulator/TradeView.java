package dev.orderclock.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code GET /sim/trades/{tradeNo}} of docs/API.md: the status in the channel's own terms, money as a
 * two-decimal string, times as UTC ISO-8601 with milliseconds. {@code refundedAmount} and
 * {@code paidAt} are additions.
 */
public record TradeView(
        String tradeNo,
        String channel,
        String orderId,
        String amount,
        String status,
        String expiresAt,
        String paidAt,
        String refundedAmount) {

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static TradeView of(SimTrade trade, SimChannel channel) {
        return new TradeView(
                trade.tradeNo(),
                trade.channel(),
                trade.orderId(),
                money(trade.amount()),
                channel.statusOf(trade),
                time(trade.expiresAt()),
                time(trade.paidAt()),
                money(trade.refunded()));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String time(Instant instant) {
        return instant == null ? null : MILLIS_UTC.format(instant);
    }
}
