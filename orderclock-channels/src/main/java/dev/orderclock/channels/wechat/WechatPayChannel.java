package dev.orderclock.channels.wechat;

import dev.orderclock.channels.http.ChannelAdapter;
import dev.orderclock.channels.http.ChannelCalls;
import dev.orderclock.order.OrderId;
import dev.orderclock.payment.CloseAnswer;
import dev.orderclock.payment.OpenedTrade;
import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.payment.RefundAnswer;
import dev.orderclock.payment.RefundRequest;
import dev.orderclock.payment.TradeRequest;
import dev.orderclock.payment.TradeState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.function.Supplier;

/**
 * WeChat Pay API v3 as a {@link PaymentChannel}: a Native trade (a QR code) that expires at the
 * order's deadline, query and close by {@code out-trade-no}, domestic refund and refund query. Each
 * call is JSON signed with the merchant key ({@code Authorization: WECHATPAY2-SHA256-RSA2048 ...});
 * each answer is trusted only once WeChat Pay's signature holds. An answer that is missing,
 * unsigned, a system error or an unknown code is {@code Unknown}: the caller asks again with the
 * same trade and refund numbers, which WeChat Pay treats idempotently. Amounts are in fen.
 */
public final class WechatPayChannel extends ChannelAdapter {

    public static final String NAME = "wechat";

    static final String NATIVE = "/v3/pay/transactions/native";
    static final String BY_OUT_TRADE_NO = "/v3/pay/transactions/out-trade-no/";
    static final String REFUNDS = "/v3/refund/domestic/refunds";

    /** The trade (or refund) is unknown to WeChat Pay. */
    static final String ORDER_NOT_EXIST = "ORDER_NOT_EXIST";

    static final String RESOURCE_NOT_EXISTS = "RESOURCE_NOT_EXISTS";
    /** Closing (or opening again) a trade that was paid: query and decide. */
    static final String ORDER_PAID = "ORDERPAID";

    static final String ORDER_CLOSED = "ORDERCLOSED";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WechatAccount account;
    private final Supplier<String> notifyUrl;
    private final WechatCalls api;

    /**
     * @param baseUrl   WeChat Pay's API root without {@code /v3} ({@code https://api.mch.weixin.qq.com}),
     *                  resolved at each call (a local port is known only once the server listens)
     * @param notifyUrl where WeChat Pay sends notifications, resolved likewise
     */
    public WechatPayChannel(
            WechatAccount account,
            Supplier<String> baseUrl,
            Supplier<String> notifyUrl,
            WechatTransport transport,
            InstantSource clock,
            MeterRegistry meters) {
        super(NAME, clock, WechatTime::parse, new WechatNotificationReader(account, clock)::read);
        this.account = account;
        this.notifyUrl = notifyUrl;
        this.api = new WechatCalls(
                account,
                baseUrl,
                transport,
                clock,
                new ChannelCalls(
                        NAME, "WeChat Pay", "orderclock.channels.wechat.public-key and public-key-id", meters));
    }

    @Override
    public OpenedTrade open(TradeRequest request) {
        Instant expiresAt = WechatTime.truncate(request.expiresAt());
        ObjectNode body = JSON.createObjectNode();
        body.put("appid", account.appid());
        body.put("mchid", account.mchid());
        body.put("description", request.subject());
        body.put("out_trade_no", request.tradeNo());
        body.put("time_expire", WechatTime.format(expiresAt));
        body.put("attach", OrderId.format(request.orderId()));
        body.put("notify_url", notifyUrl.get());
        body.putObject("amount")
                .put("total", WechatAmount.fen(request.amount()))
                .put("currency", CURRENCY);
        WechatCalls.Answer answer = api.call("prepay", "POST", NATIVE, body.toString());
        if (answer.status() == 0) {
            throw noAnswer("prepay", answer.describe());
        }
        // 400 (PARAM_ERROR, INVALID_REQUEST) and 403 (NO_AUTH, ...) stay so however often asked; 5xx and 429 may pass.
        boolean finalRefusal = (answer.status() == 400 || answer.status() == 403)
                && !Set.of(ORDER_PAID, ORDER_CLOSED, "OUT_TRADE_NO_USED").contains(String.valueOf(answer.code()));
        String codeUrl = answer.status() == 200 ? answer.json().path("code_url").asText(null) : null;
        return opened("prepay", request, expiresAt, finalRefusal, codeUrl, answer.describe());
    }

    @Override
    public TradeState query(String tradeNo) {
        WechatCalls.Answer answer =
                api.call("query", "GET", BY_OUT_TRADE_NO + encode(tradeNo) + "?mchid=" + encode(account.mchid()), null);
        if (answer.status() == 404 && ORDER_NOT_EXIST.equals(answer.code())) {
            return new TradeState.NotFound();
        }
        if (answer.status() != 200) {
            return new TradeState.Unknown(answer.describe());
        }
        JsonNode trade = answer.json();
        if (!tradeNo.equals(trade.path("out_trade_no").asText())) {
            return new TradeState.Unknown("the answer is about another trade");
        }
        String state = trade.path("trade_state").asText();
        String foreign = !account.mchid().equals(trade.path("mchid").asText())
                ? "merchant " + trade.path("mchid").asText()
                : foreignCurrency(trade.path("amount"));
        if (foreign != null) {
            boolean paid = "SUCCESS".equals(state) || "REFUND".equals(state);
            return mismatched(foreign, paid ? paid(trade) : null);
        }
        return switch (state) {
            case "NOTPAY", "USERPAYING" -> new TradeState.Waiting();
            // REFUND: the money did arrive, and a refund has been asked for since.
            case "SUCCESS", "REFUND" -> paid(trade);
            case "CLOSED", "REVOKED" -> new TradeState.Closed();
            // PAYERROR ends a payment try, not the trade: the buyer may pay again until it is closed.
            case "PAYERROR" -> new TradeState.Waiting();
            default -> new TradeState.Unknown("trade_state " + state);
        };
    }

    @Override
    public CloseAnswer close(String tradeNo) {
        ObjectNode body = JSON.createObjectNode().put("mchid", account.mchid());
        WechatCalls.Answer answer =
                api.call("close", "POST", BY_OUT_TRADE_NO + encode(tradeNo) + "/close", body.toString());
        if (answer.status() == 204 || answer.status() == 200) {
            return new CloseAnswer.Closed();
        }
        return switch (String.valueOf(answer.code())) {
            case ORDER_NOT_EXIST -> new CloseAnswer.NotFound();
            case ORDER_PAID -> new CloseAnswer.AlreadyPaid();
            case ORDER_CLOSED -> new CloseAnswer.Closed();
            default -> new CloseAnswer.Unknown(answer.describe());
        };
    }

    /** Orderclock refunds whole payments: the refund's amount is the trade's total. */
    @Override
    public RefundAnswer refund(RefundRequest request) {
        long fen = WechatAmount.fen(request.amount());
        ObjectNode body = JSON.createObjectNode();
        body.put("out_trade_no", request.tradeNo());
        body.put("out_refund_no", request.refundRequestNo());
        if (request.reason() != null && !request.reason().isBlank()) {
            body.put("reason", request.reason().length() > 80 ? request.reason().substring(0, 80) : request.reason());
        }
        body.put("notify_url", notifyUrl.get());
        body.putObject("amount").put("refund", fen).put("total", fen).put("currency", CURRENCY);
        return refundAnswer(api.call("refund", "POST", REFUNDS, body.toString()));
    }

    @Override
    public RefundAnswer refundStatus(String tradeNo, String refundRequestNo) {
        return refundAnswer(api.call("refund query", "GET", REFUNDS + "/" + encode(refundRequestNo), null));
    }

    private RefundAnswer refundAnswer(WechatCalls.Answer answer) {
        if (answer.status() == 404
                && (RESOURCE_NOT_EXISTS.equals(answer.code()) || ORDER_NOT_EXIST.equals(answer.code()))) {
            return new RefundAnswer.NotFound();
        }
        if (answer.status() != 200) {
            return new RefundAnswer.Unknown(answer.describe());
        }
        String status = answer.json().path("status").asText();
        return switch (status) {
            case "SUCCESS" ->
                new RefundAnswer.Refunded(
                        timeOr(answer.json().path("success_time").asText(null)));
            case "PROCESSING" -> new RefundAnswer.Processing();
            // ABNORMAL (the buyer's account cannot take it) and CLOSED need a human at WeChat Pay's console.
            default -> new RefundAnswer.Unknown("refund status " + status);
        };
    }

    /** The currency named in a trade's amount when it is not yuan, else null (absent means yuan). */
    static String foreignCurrency(JsonNode amount) {
        for (String field : new String[] {"currency", "payer_currency"}) {
            String currency = amount.path(field).asText("");
            if (!currency.isEmpty() && !CURRENCY.equals(currency)) {
                return field + " " + currency;
            }
        }
        return null;
    }

    private TradeState paid(JsonNode trade) {
        JsonNode total = trade.path("amount").path("total");
        if (!total.canConvertToLong() || total.asLong() <= 0) {
            return new TradeState.Unknown("a paid trade without amount.total");
        }
        return new TradeState.Paid(
                trade.path("transaction_id").asText(null),
                WechatAmount.yuan(total.asLong()),
                timeOr(trade.path("success_time").asText(null)));
    }

    private static String encode(String pathPart) {
        return URLEncoder.encode(pathPart, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
