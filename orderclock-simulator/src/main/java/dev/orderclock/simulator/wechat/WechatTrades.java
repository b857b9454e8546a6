package dev.orderclock.simulator.wechat;

import dev.orderclock.channels.wechat.WechatAmount;
import dev.orderclock.channels.wechat.WechatTime;
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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The trade calls of the simulated WeChat Pay, each answering as WeChat Pay would: Native prepay,
 * query and close by {@code out_trade_no}, refund (once per {@code out_refund_no}) and refund query,
 * with the fault switches applied (failing queries and refunds; trades not yet scanned that do not exist).
 */
final class WechatTrades {

    /** WeChat Pay's default life of a Native trade when the shop sets no {@code time_expire}. */
    static final Duration DEFAULT_EXPIRY = Duration.ofHours(2);

    private static final Pattern TRADE_NO = Pattern.compile("[A-Za-z0-9_\\-|*]{6,32}");
    private static final Pattern REFUND_NO = Pattern.compile("[A-Za-z0-9_\\-|*@]{1,64}");
    private static final long MAX_FEN = 10_000_000_000L;

    private final TradeDesk desk;
    private final TradeLedger ledger;
    private final Faults faults;
    private final WechatSimAccount account;
    private final WechatNotifications notifications;
    private final RefundIndex refunds;

    WechatTrades(TradeDesk desk, WechatSimAccount account, WechatNotifications notifications, int maxRefunds) {
        this.refunds = new RefundIndex(maxRefunds);
        this.desk = desk;
        this.ledger = desk.ledger();
        this.faults = desk.faults();
        this.account = account;
        this.notifications = notifications;
    }

    /** @param payUrlPrefix where the simulated buyer pays, before the trade number: the QR code's content */
    SimAnswer prepay(JsonNode body, String payUrlPrefix) {
        Instant now = desk.clock().instant();
        if (!account.appid().equals(text(body, "appid"))) {
            return SimAnswer.error(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
        }
        if (!account.mchid().equals(text(body, "mchid"))) {
            return SimAnswer.error(400, "MCH_NOT_EXISTS", "商户号不存在");
        }
        String tradeNo = text(body, "out_trade_no");
        String description = text(body, "description");
        String notifyUrl = text(body, "notify_url");
        JsonNode total = body.path("amount").path("total");
        if (tradeNo == null || !TRADE_NO.matcher(tradeNo).matches()) {
            return SimAnswer.invalid("out_trade_no must be 6 to 32 letters, digits, '_', '-', '|' or '*'");
        }
        if (description == null || description.length() > 127) {
            return SimAnswer.invalid("description is required, 127 characters at most");
        }
        if (notifyUrl == null) {
            return SimAnswer.invalid("notify_url is required");
        }
        if (!total.isIntegralNumber() || total.asLong() < 1 || total.asLong() > MAX_FEN) {
            return SimAnswer.invalid("amount.total must be a whole number of fen from 1");
        }
        String currency = body.path("amount").path("currency").asText("CNY");
        if (!"CNY".equals(currency)) {
            return SimAnswer.invalid("amount.currency must be CNY");
        }
        TradeExpiry expiry = TradeExpiry.of(
                text(body, "time_expire"),
                WechatTime::parse,
                "RFC 3339, e.g. 2026-11-24T19:50:00+08:00",
                DEFAULT_EXPIRY,
                now);
        if (expiry.refused()) {
            return SimAnswer.invalid(expiry.refusal());
        }
        Opening opening = desk.open(SimTrade.opened(
                tradeNo,
                WechatNotifications.NAME,
                account.mchid(),
                text(body, "attach"),
                WechatAmount.yuan(total.asLong()).add(faults.openAmountOffset()),
                description,
                newTransactionId(now),
                notifyUrl,
                now,
                expiry.at()));
        SimTrade trade = opening.trade();
        if (opening.repeated()) {
            if (!WechatNotifications.NAME.equals(trade.channel())
                    || trade.amount().compareTo(opening.opened().amount()) != 0) {
                return SimAnswer.error(400, "INVALID_REQUEST", "201 商户订单号重复");
            }
            if (trade.status() == TradeStatus.PAID) {
                return SimAnswer.error(400, "ORDERPAID", "该订单已支付");
            }
            if (trade.status() == TradeStatus.CLOSED) {
                return SimAnswer.error(400, "ORDERCLOSED", "该订单已关闭");
            }
        }
        return SimAnswer.ok(JsonNodeFactory.instance.objectNode().put("code_url", payUrlPrefix + tradeNo + "/pay"));
    }

    SimAnswer query(String tradeNo, String mchid) {
        if (!account.mchid().equals(mchid)) {
            return SimAnswer.invalid("mchid is missing or not the caller's");
        }
        if (faults.failQuery()) {
            return SimAnswer.systemError();
        }
        return visible(tradeNo)
                .map(trade -> SimAnswer.ok(WechatResources.transaction(trade, account.appid())))
                .orElseGet(WechatTrades::notExist);
    }

    SimAnswer close(String tradeNo, JsonNode body) {
        if (!account.mchid().equals(text(body, "mchid"))) {
            return SimAnswer.invalid("mchid is missing or not the caller's");
        }
        if (faults.failQuery()) {
            return SimAnswer.systemError();
        }
        Optional<SimTrade> found = visible(tradeNo);
        if (found.isEmpty()) {
            return notExist();
        }
        Closing closing = ledger.close(tradeNo, desk.clock().instant());
        if (closing.outcome() == Closing.Outcome.NOT_WAITING && closing.trade().status() == TradeStatus.PAID) {
            return SimAnswer.error(400, "ORDERPAID", "订单已支付");
        }
        return SimAnswer.noContent(); // closed now, or closed before: WeChat Pay answers the same
    }

    SimAnswer refund(JsonNode body) {
        String tradeNo = text(body, "out_trade_no");
        String refundNo = text(body, "out_refund_no");
        JsonNode refund = body.path("amount").path("refund");
        JsonNode total = body.path("amount").path("total");
        if (refundNo == null || !REFUND_NO.matcher(refundNo).matches()) {
            return SimAnswer.invalid("out_refund_no must be 1 to 64 letters, digits or _-|*@");
        }
        if (!refund.isIntegralNumber() || refund.asLong() < 1 || !total.isIntegralNumber() || total.asLong() < 1) {
            return SimAnswer.invalid("amount.refund and amount.total must be whole numbers of fen from 1");
        }
        // A failing refund is carried out all the same: the answer is what gets lost.
        boolean fail = faults.failRefund();
        Instant now = desk.clock().instant();
        Optional<SimTrade> found = desk.find(WechatNotifications.NAME, tradeNo, text(body, "transaction_id"), now);
        if (found.isEmpty()) {
            return fail ? SimAnswer.systemError() : SimAnswer.error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
        }
        SimTrade trade = found.get();
        if (WechatAmount.fen(trade.amount()) != total.asLong()) {
            return SimAnswer.invalid("amount.total is not the trade's total");
        }
        Refunding refunding = ledger.refund(trade.tradeNo(), refundNo, WechatAmount.yuan(refund.asLong()), now);
        if (refunding.outcome() == Refunding.Outcome.REFUNDED || refunding.outcome() == Refunding.Outcome.REPEATED) {
            refunds.put(refundNo, trade.tradeNo());
        }
        if (refunding.outcome() == Refunding.Outcome.REFUNDED) {
            notifications.refunded(refunding.trade(), refunding.refund());
        }
        if (fail) {
            return SimAnswer.systemError();
        }
        return switch (refunding.outcome()) {
            case REFUNDED, REPEATED -> SimAnswer.ok(WechatResources.refund(refunding.trade(), refunding.refund()));
            case DISCORDANT -> SimAnswer.error(400, "INVALID_REQUEST", "请求参数与首次请求时不一致");
            case NOT_PAID -> SimAnswer.error(400, "INVALID_REQUEST", "订单未支付，不能退款");
            case TOO_MUCH -> SimAnswer.error(403, "NOT_ENOUGH", "申请退款金额超过订单可退金额");
            case NOT_FOUND -> SimAnswer.error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
        };
    }

    SimAnswer refundQuery(String refundNo) {
        if (faults.failRefund()) {
            return SimAnswer.systemError();
        }
        Optional<SimTrade> trade = refunds.tradeOf(refundNo)
                .flatMap(tradeNo -> ledger.find(tradeNo, desk.clock().instant()));
        Optional<SimRefund> refund = trade.flatMap(found -> found.refund(refundNo));
        if (refund.isEmpty()) {
            return SimAnswer.error(404, "RESOURCE_NOT_EXISTS", "退款单不存在");
        }
        return SimAnswer.ok(WechatResources.refund(trade.get(), refund.get()));
    }

    private static SimAnswer notExist() {
        return SimAnswer.error(404, "ORDER_NOT_EXIST", "订单不存在");
    }

    /** The trade, unless WeChat Pay would not show it ({@code unscanned-not-exist} before the buyer scans). */
    private Optional<SimTrade> visible(String tradeNo) {
        return desk.visible(WechatNotifications.NAME, tradeNo, null);
    }

    /** Shaped like WeChat Pay's: 4200, a channel digit run, the date and random digits, 28 digits in all. */
    private String newTransactionId(Instant now) {
        return "420000" + WechatTime.format(now).substring(0, 10).replace("-", "")
                + desk.random().digits(14);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            return null;
        }
        return value.asText();
    }
}
