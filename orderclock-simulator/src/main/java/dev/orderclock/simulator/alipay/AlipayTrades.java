package dev.orderclock.simulator.alipay;

import dev.orderclock.channels.alipay.AlipayTime;
import dev.orderclock.simulator.Faults;
import dev.orderclock.simulator.SimRefund;
import dev.orderclock.simulator.SimTrade;
import dev.orderclock.simulator.TradeDesk;
import dev.orderclock.simulator.TradeDesk.Opening;
import dev.orderclock.simulator.TradeExpiry;
import dev.orderclock.simulator.TradeLedger;
import dev.orderclock.simulator.TradeLedger.Closing;
import dev.orderclock.simulator.TradeLedger.Refunding;
import dev.orderclock.simulator.TradeStatus;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The five trade methods of the simulated Alipay, each answering a response node as Alipay would:
 * precreate, query, close, refund (once per {@code out_request_no}) and refund query, with the fault
 * switches applied (failing queries, refunds; trades not yet scanned that do not exist).
 */
final class AlipayTrades {

    /** Alipay's default life of a precreated trade when the shop sets no {@code time_expire}. */
    static final Duration DEFAULT_EXPIRY = Duration.ofHours(2);

    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,8})(\\.[0-9]{1,2})?");
    private static final Pattern TRADE_NO = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000.00");
    private static final String NOT_EXIST = "ACQ.TRADE_NOT_EXIST";

    private final TradeDesk desk;
    private final TradeLedger ledger;
    private final Faults faults;
    private final AlipaySimAccount account;
    private final AlipayNotifications notifications;

    AlipayTrades(TradeDesk desk, AlipaySimAccount account, AlipayNotifications notifications) {
        this.desk = desk;
        this.ledger = desk.ledger();
        this.faults = desk.faults();
        this.account = account;
        this.notifications = notifications;
    }

    /** @param payUrlPrefix where the simulated buyer pays, before the trade number: the QR code's content */
    Map<String, Object> precreate(JsonNode biz, String notifyUrl, String payUrlPrefix) {
        Instant now = desk.clock().instant();
        String tradeNo = text(biz, "out_trade_no");
        String amount = text(biz, "total_amount");
        String subject = text(biz, "subject");
        if (tradeNo == null || !TRADE_NO.matcher(tradeNo).matches()) {
            return AlipayResponses.invalidParameter("out_trade_no must be 1 to 64 letters, digits or '_'");
        }
        if (amount == null || !AMOUNT.matcher(amount).matches() || new BigDecimal(amount).signum() <= 0) {
            return AlipayResponses.invalidParameter(
                    "total_amount must be yuan from 0.01 to 100000000, two decimals at most");
        }
        if (new BigDecimal(amount).compareTo(MAX_AMOUNT) > 0) {
            return AlipayResponses.businessFailed("ACQ.TOTAL_FEE_EXCEED", "订单金额超过限额");
        }
        if (subject == null || subject.length() > 256) {
            return AlipayResponses.invalidParameter("subject is required, 256 characters at most");
        }
        TradeExpiry expiry =
                TradeExpiry.of(text(biz, "time_expire"), AlipayTime::parse, "yyyy-MM-dd HH:mm:ss", DEFAULT_EXPIRY, now);
        if (expiry.refused()) {
            return AlipayResponses.invalidParameter(expiry.refusal());
        }
        Opening opening = desk.open(SimTrade.opened(
                tradeNo,
                AlipayNotifications.NAME,
                account.appId(),
                text(biz, "body"),
                new BigDecimal(amount).setScale(2).add(faults.openAmountOffset()),
                subject,
                newTradeNo(now),
                notifyUrl,
                now,
                expiry.at()));
        TradeStatus status = opening.trade().status();
        if (opening.repeated() && status == TradeStatus.PAID) {
            return AlipayResponses.businessFailed("ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
        }
        if (opening.repeated() && status == TradeStatus.CLOSED) {
            return AlipayResponses.businessFailed("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
        }
        Map<String, Object> node = AlipayResponses.success();
        node.put("out_trade_no", tradeNo);
        node.put("qr_code", payUrlPrefix + tradeNo + "/pay");
        return node;
    }

    Map<String, Object> query(JsonNode biz) {
        if (faults.failQuery()) {
            return AlipayResponses.systemError();
        }
        Optional<SimTrade> found = visible(biz);
        if (found.isEmpty()) {
            return AlipayResponses.businessFailed(NOT_EXIST, "交易不存在");
        }
        SimTrade trade = found.get();
        Map<String, Object> node = withTradeNumbers(trade);
        node.put("buyer_logon_id", "159****5620");
        node.put("trade_status", notifications.statusOf(trade));
        node.put("total_amount", AlipayNotifications.yuan(trade.amount()));
        boolean paid = trade.paidAt() != null;
        String received = paid ? AlipayNotifications.yuan(trade.amount()) : "0.00";
        node.put("buyer_pay_amount", received);
        node.put("point_amount", "0.00");
        node.put("invoice_amount", received);
        node.put("receipt_amount", received);
        if (paid) {
            node.put("send_pay_date", AlipayTime.format(trade.paidAt()));
        }
        node.put("buyer_user_id", "2088102177846880");
        return node;
    }

    Map<String, Object> close(JsonNode biz) {
        if (faults.failQuery()) {
            return AlipayResponses.systemError();
        }
        Optional<SimTrade> found = visible(biz);
        if (found.isEmpty()) {
            return AlipayResponses.businessFailed(NOT_EXIST, "交易不存在");
        }
        Closing closing = ledger.close(found.get().tradeNo(), desk.clock().instant());
        if (closing.outcome() != Closing.Outcome.CLOSED) {
            return AlipayResponses.businessFailed("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        notifications.closed(closing.trade());
        return withTradeNumbers(closing.trade());
    }

    Map<String, Object> refund(JsonNode biz) {
        String amount = text(biz, "refund_amount");
        if (amount == null || !AMOUNT.matcher(amount).matches()) {
            return AlipayResponses.invalidParameter("refund_amount must be yuan, two decimals at most");
        }
        // A failing refund is carried out all the same: the answer is what gets lost.
        boolean fail = faults.failRefund();
        Optional<SimTrade> found = visible(biz);
        if (found.isEmpty()) {
            return fail ? AlipayResponses.systemError() : AlipayResponses.businessFailed(NOT_EXIST, "交易不存在");
        }
        String requestNo = Optional.ofNullable(text(biz, "out_request_no"))
                .orElse(found.get().tradeNo());
        Refunding refunding = ledger.refund(
                found.get().tradeNo(),
                requestNo,
                new BigDecimal(amount).setScale(2),
                desk.clock().instant());
        if (refunding.outcome() == Refunding.Outcome.REFUNDED) {
            notifications.refunded(refunding.trade(), refunding.refund());
        }
        if (fail) {
            return AlipayResponses.systemError();
        }
        return switch (refunding.outcome()) {
            case REFUNDED, REPEATED ->
                refunded(refunding.trade(), refunding.refund(), refunding.outcome() == Refunding.Outcome.REFUNDED);
            case DISCORDANT -> AlipayResponses.businessFailed("ACQ.DISCORDANT_REPEAT_REQUEST", "请求信息不一致");
            case NOT_PAID -> AlipayResponses.businessFailed("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
            case TOO_MUCH -> AlipayResponses.businessFailed("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
            case NOT_FOUND -> AlipayResponses.businessFailed(NOT_EXIST, "交易不存在");
        };
    }

    Map<String, Object> refundQuery(JsonNode biz) {
        if (faults.failRefund()) {
            return AlipayResponses.systemError();
        }
        Optional<SimTrade> found = visible(biz);
        if (found.isEmpty()) {
            return AlipayResponses.businessFailed(NOT_EXIST, "交易不存在");
        }
        SimTrade trade = found.get();
        String requestNo = Optional.ofNullable(text(biz, "out_request_no")).orElse(trade.tradeNo());
        Map<String, Object> node = withTradeNumbers(trade);
        Optional<SimRefund> refund = trade.refund(requestNo);
        if (refund.isEmpty()) {
            return node; // 10000 and no refund data: Alipay has no such refund
        }
        node.put("out_request_no", requestNo);
        node.put("total_amount", AlipayNotifications.yuan(trade.amount()));
        node.put("refund_amount", AlipayNotifications.yuan(refund.get().amount()));
        node.put("refund_status", "REFUND_SUCCESS");
        if (biz.path("query_options").toString().contains("\"gmt_refund_pay\"")) {
            node.put("gmt_refund_pay", AlipayTime.format(refund.get().at()));
        }
        return node;
    }

    private Map<String, Object> refunded(SimTrade trade, SimRefund refund, boolean fundChanged) {
        Map<String, Object> node = withTradeNumbers(trade);
        node.put("buyer_logon_id", "159****5620");
        node.put("fund_change", fundChanged ? "Y" : "N");
        node.put("refund_fee", AlipayNotifications.yuan(trade.refunded()));
        node.put("gmt_refund_pay", AlipayTime.format(refund.at()));
        return node;
    }

    private static Map<String, Object> withTradeNumbers(SimTrade trade) {
        Map<String, Object> node = AlipayResponses.success();
        node.put("trade_no", trade.channelTradeNo());
        node.put("out_trade_no", trade.tradeNo());
        return node;
    }

    /**
     * The trade named by {@code out_trade_no} (or Alipay's {@code trade_no}), unless Alipay would not
     * know it yet: with {@code unscanned-not-exist}, a precreated trade exists only once scanned.
     */
    private Optional<SimTrade> visible(JsonNode biz) {
        return desk.visible(AlipayNotifications.NAME, text(biz, "out_trade_no"), text(biz, "trade_no"));
    }

    /** Shaped like Alipay's: the date, a fixed infix and random digits, 28 digits in all. */
    private String newTradeNo(Instant now) {
        return AlipayTime.format(now).substring(0, 10).replace("-", "") + "22001"
                + desk.random().digits(15);
    }

    private static String text(JsonNode biz, String field) {
        JsonNode value = biz.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }
}
