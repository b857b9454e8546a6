package dev.orderclock.simulator.alipay;

import dev.orderclock.channels.alipay.AlipayTime;
import dev.orderclock.channels.alipay.FormCodec;
import dev.orderclock.channels.alipay.Rsa2;
import dev.orderclock.simulator.ChannelNotifications;
import dev.orderclock.simulator.Notifier;
import dev.orderclock.simulator.OutgoingNotification;
import dev.orderclock.simulator.SimRandom;
import dev.orderclock.simulator.SimRefund;
import dev.orderclock.simulator.SimTrade;
import dev.orderclock.simulator.TradeStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated Alipay's side of the buyer endpoints, and its asynchronous notifications: form-encoded,
 * RSA2-signed over every non-empty field but {@code sign} and {@code sign_type}, sent to the trade's
 * {@code notify_url} and sent again after 4m, 10m, 10m, 1h, 2h, 6h and 15h with the same
 * {@code notify_id} until the shop answers exactly {@code success}.
 */
public final class AlipayNotifications extends ChannelNotifications {

    public static final String NAME = "alipay";
    public static final List<Duration> RETRY_SCHEDULE = schedule("4m 10m 10m 1h 2h 6h 15h");

    private static final Set<String> UNSIGNED = Set.of("sign", "sign_type");
    private static final Map<String, String> HEADERS =
            Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

    private final AlipaySimAccount account;

    AlipayNotifications(Notifier notifier, AlipaySimAccount account, SimRandom random, InstantSource clock) {
        super(
                NAME,
                notifier,
                random,
                clock,
                RETRY_SCHEDULE,
                reply -> reply.status() == 200 && "success".equals(reply.body()));
        this.account = account;
    }

    /** Alipay's trade_status: a paid trade refunded in full reads TRADE_CLOSED, as at Alipay. */
    @Override
    public String statusOf(SimTrade trade) {
        if (trade.status() == TradeStatus.PAID) {
            return trade.isFullyRefunded() ? "TRADE_CLOSED" : "TRADE_SUCCESS";
        }
        return trade.status() == TradeStatus.WAITING ? "WAIT_BUYER_PAY" : "TRADE_CLOSED";
    }

    @Override
    public void paid(SimTrade trade) {
        Map<String, String> fields = common(trade);
        fields.put("trade_status", "TRADE_SUCCESS");
        paidFields(trade, fields);
        send(trade, fields);
    }

    void closed(SimTrade trade) {
        Map<String, String> fields = common(trade);
        fields.put("trade_status", "TRADE_CLOSED");
        fields.put("gmt_close", AlipayTime.format(trade.closedAt()));
        send(trade, fields);
    }

    /** After a partial refund the trade stays TRADE_SUCCESS; the refund fields tell it is a refund. */
    void refunded(SimTrade trade, SimRefund refund) {
        Map<String, String> fields = common(trade);
        fields.put("trade_status", statusOf(trade));
        paidFields(trade, fields);
        fields.put("out_biz_no", refund.requestNo());
        fields.put("refund_fee", yuan(trade.refunded()));
        // gmt_refund alone carries milliseconds, as in Alipay's documentation.
        fields.put(
                "gmt_refund",
                "%s.%03d".formatted(AlipayTime.format(refund.at()), refund.at().get(ChronoField.MILLI_OF_SECOND)));
        if (trade.isFullyRefunded()) {
            fields.put("gmt_close", AlipayTime.format(refund.at()));
        }
        send(trade, fields);
    }

    static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private Map<String, String> common(SimTrade trade) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("gmt_create", AlipayTime.format(trade.createdAt()));
        fields.put("charset", "utf-8");
        fields.put("seller_email", "shop@example.com");
        fields.put("subject", trade.subject());
        fields.put("body", trade.orderId());
        fields.put("buyer_id", "2088" + random.digits(12));
        fields.put("notify_id", "2026" + random.hex(30));
        fields.put("notify_type", "trade_status_sync");
        fields.put("notify_time", AlipayTime.format(clock.instant()));
        fields.put("version", "1.0");
        fields.put("app_id", trade.merchantId());
        fields.put("auth_app_id", trade.merchantId());
        fields.put("out_trade_no", trade.tradeNo());
        fields.put("trade_no", trade.channelTradeNo());
        fields.put("seller_id", account.sellerId());
        fields.put("total_amount", yuan(trade.amount()));
        return fields;
    }

    private static void paidFields(SimTrade trade, Map<String, String> fields) {
        String amount = yuan(trade.amount());
        fields.put("receipt_amount", amount);
        fields.put("invoice_amount", amount);
        fields.put("buyer_pay_amount", amount);
        fields.put("point_amount", "0.00");
        fields.put("gmt_payment", AlipayTime.format(trade.paidAt()));
        fields.put("fund_bill_list", "[{\"amount\":\"" + amount + "\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
    }

    private void send(SimTrade trade, Map<String, String> fields) {
        Optional<URI> target = target(trade);
        if (target.isEmpty()) {
            return;
        }
        fields.put("sign_type", "RSA2");
        fields.put("sign", Rsa2.sign(Rsa2.content(fields, UNSIGNED), account.platformKey()));
        OutgoingNotification.Message message = new OutgoingNotification.Message(HEADERS, FormCodec.encode(fields));
        send(target.get(), fields.get("notify_id"), () -> message);
    }
}
