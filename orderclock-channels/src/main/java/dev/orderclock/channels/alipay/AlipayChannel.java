package dev.orderclock.channels.alipay;

import dev.orderclock.channels.http.ChannelAdapter;
import dev.orderclock.channels.http.ChannelCalls;
import dev.orderclock.channels.http.ChannelCalls.Outcome;
import dev.orderclock.order.OrderId;
import dev.orderclock.payment.CloseAnswer;
import dev.orderclock.payment.OpenedTrade;
import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.payment.RefundAnswer;
import dev.orderclock.payment.RefundRequest;
import dev.orderclock.payment.TradeRequest;
import dev.orderclock.payment.TradeState;

import io.micrometer.core.instrument.MeterRegistry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Alipay's open platform gateway as a {@link PaymentChannel}: precreate (a QR code trade that expires
 * at the order's deadline), query, close, refund and refund query, each a signed form call whose
 * signed answer is verified. An answer that is missing, unsigned or a system error is {@code Unknown}:
 * the caller asks again with the same trade and refund numbers, which Alipay treats idempotently.
 */
public final class AlipayChannel extends ChannelAdapter {

    public static final String NAME = "alipay";

    static final String PRECREATE = "alipay.trade.precreate";
    static final String QUERY = "alipay.trade.query";
    static final String CLOSE = "alipay.trade.close";
    static final String REFUND = "alipay.trade.refund";
    static final String REFUND_QUERY = "alipay.trade.fastpay.refund.query";

    /** Before the buyer scans, a precreated trade does not exist at Alipay: not the same as closed. */
    static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";
    /** Closing a trade that is no longer waiting (paid, or already closed): query and decide. */
    static final String TRADE_STATUS_ERROR = "ACQ.TRADE_STATUS_ERROR";
    /** Invalid arguments, and a business refusal: final, unless the business refusal is a system error. */
    private static final String INVALID_ARGUMENTS = "40002";

    private static final String BUSINESS_FAILED = "40004";

    private final AlipayAccount account;
    private final Supplier<URI> gateway;
    private final Supplier<String> notifyUrl;
    private final GatewayTransport transport;
    private final ChannelCalls calls;

    /**
     * @param gateway   the gateway URL, resolved at each call (a local port is known only once the server listens)
     * @param notifyUrl where Alipay sends notifications, resolved likewise
     */
    public AlipayChannel(
            AlipayAccount account,
            Supplier<URI> gateway,
            Supplier<String> notifyUrl,
            GatewayTransport transport,
            InstantSource clock,
            MeterRegistry meters) {
        super(NAME, clock, AlipayTime::parse, new AlipayNotificationReader(account)::read);
        this.account = account;
        this.gateway = gateway;
        this.notifyUrl = notifyUrl;
        this.transport = transport;
        this.calls = new ChannelCalls(NAME, "Alipay's gateway", "orderclock.channels.alipay.alipay-public-key", meters);
    }

    @Override
    public OpenedTrade open(TradeRequest request) {
        Instant expiresAt = AlipayTime.truncate(request.expiresAt());
        Map<String, Object> biz = new LinkedHashMap<>();
        biz.put("out_trade_no", request.tradeNo());
        biz.put("total_amount", yuan(request.amount()));
        biz.put("subject", request.subject());
        biz.put("body", OrderId.format(request.orderId()));
        biz.put("product_code", "FACE_TO_FACE_PAYMENT");
        biz.put("time_expire", AlipayTime.format(expiresAt));
        Answer answered = call(PRECREATE, biz, true);
        GatewayResponse answer = answered.response();
        if (answer == null) {
            throw noAnswer(PRECREATE, answered.noAnswer());
        }
        String qrCode = answer.isSuccess() ? answer.text("qr_code") : null;
        return opened(PRECREATE, request, expiresAt, isFinalRefusal(answer), qrCode, answer.describe());
    }

    @Override
    public TradeState query(String tradeNo) {
        Answer answer = call(QUERY, Map.of("out_trade_no", tradeNo), false);
        return answer.response() == null ? new TradeState.Unknown(answer.noAnswer()) : stateOf(answer.response());
    }

    @Override
    public CloseAnswer close(String tradeNo) {
        Answer answered = call(CLOSE, Map.of("out_trade_no", tradeNo), false);
        GatewayResponse answer = answered.response();
        if (answer == null) {
            return new CloseAnswer.Unknown(answered.noAnswer());
        }
        if (answer.isSuccess()) {
            return new CloseAnswer.Closed();
        }
        return switch (String.valueOf(answer.subCode())) {
            case TRADE_NOT_EXIST -> new CloseAnswer.NotFound();
            case TRADE_STATUS_ERROR -> new CloseAnswer.AlreadyPaid();
            default -> new CloseAnswer.Unknown(answer.describe());
        };
    }

    @Override
    public RefundAnswer refund(RefundRequest request) {
        Map<String, Object> biz = new LinkedHashMap<>();
        biz.put("out_trade_no", request.tradeNo());
        biz.put("refund_amount", yuan(request.amount()));
        biz.put("out_request_no", request.refundRequestNo());
        if (request.reason() != null && !request.reason().isBlank()) {
            biz.put("refund_reason", request.reason());
        }
        Answer answered = call(REFUND, biz, false);
        GatewayResponse answer = answered.response();
        if (answer == null) {
            return new RefundAnswer.Unknown(answered.noAnswer());
        }
        if (answer.isSuccess()) {
            // fund_change N: this refund request number was carried out before (or is still going
            // through); only a refund query tells which.
            return "Y".equals(answer.text("fund_change"))
                    ? new RefundAnswer.Refunded(timeOr(answer.text("gmt_refund_pay")))
                    : new RefundAnswer.Processing();
        }
        return TRADE_NOT_EXIST.equals(answer.subCode())
                ? new RefundAnswer.NotFound()
                : new RefundAnswer.Unknown(answer.describe());
    }

    @Override
    public RefundAnswer refundStatus(String tradeNo, String refundRequestNo) {
        Map<String, Object> biz = new LinkedHashMap<>();
        biz.put("out_trade_no", tradeNo);
        biz.put("out_request_no", refundRequestNo);
        biz.put("query_options", List.of("gmt_refund_pay"));
        Answer answered = call(REFUND_QUERY, biz, false);
        GatewayResponse answer = answered.response();
        if (answer == null) {
            return new RefundAnswer.Unknown(answered.noAnswer());
        }
        if (!answer.isSuccess()) {
            return TRADE_NOT_EXIST.equals(answer.subCode())
                    ? new RefundAnswer.NotFound()
                    : new RefundAnswer.Unknown(answer.describe());
        }
        // 10000 only says the query worked: no refund data means Alipay has no such refund (send it
        // again with the same number); data without REFUND_SUCCESS is not done yet.
        if (answer.text("refund_amount") == null) {
            return new RefundAnswer.NotFound();
        }
        return "REFUND_SUCCESS".equals(answer.text("refund_status"))
                ? new RefundAnswer.Refunded(timeOr(answer.text("gmt_refund_pay")))
                : new RefundAnswer.Processing();
    }

    /**
     * A refusal asking again cannot change: an argument Alipay does not accept, or a business refusal
     * such as {@code ACQ.TOTAL_FEE_EXCEED} — but not a system error, nor a trade already paid or closed
     * under this number (the caller's query decides those).
     */
    private static boolean isFinalRefusal(GatewayResponse answer) {
        if (INVALID_ARGUMENTS.equals(answer.code())) {
            return true;
        }
        String subCode = String.valueOf(answer.subCode());
        return BUSINESS_FAILED.equals(answer.code())
                && !subCode.endsWith("SYSTEM_ERROR")
                && !subCode.equals("ACQ.TRADE_HAS_SUCCESS")
                && !subCode.equals("ACQ.TRADE_HAS_CLOSE");
    }

    private TradeState stateOf(GatewayResponse answer) {
        if (!answer.isSuccess()) {
            return TRADE_NOT_EXIST.equals(answer.subCode())
                    ? new TradeState.NotFound()
                    : new TradeState.Unknown(answer.describe());
        }
        String status = String.valueOf(answer.text("trade_status"));
        // Domestic trades name no currency; where one is named, a trade in another is not ours.
        String currency = answer.text("trans_currency");
        if (currency != null && !currency.isEmpty() && !CURRENCY.equals(currency)) {
            boolean paid = "TRADE_SUCCESS".equals(status) || "TRADE_FINISHED".equals(status);
            return mismatched("currency " + currency, paid ? paid(answer) : null);
        }
        return switch (status) {
            case "WAIT_BUYER_PAY" -> new TradeState.Waiting();
            // TRADE_FINISHED is a paid trade past its refund period: the money did arrive.
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> paid(answer);
            // Unpaid and closed, or paid and then refunded in full.
            case "TRADE_CLOSED" -> new TradeState.Closed();
            default -> new TradeState.Unknown("trade_status " + status);
        };
    }

    private TradeState paid(GatewayResponse answer) {
        String amount = answer.text("total_amount");
        if (amount == null) {
            return new TradeState.Unknown("a paid trade without total_amount");
        }
        return new TradeState.Paid(
                answer.text("trade_no"),
                new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY),
                timeOr(answer.text("send_pay_date")));
    }

    private Answer call(String method, Map<String, ?> biz, boolean withNotifyUrl) {
        return calls.timed(
                method,
                () -> exchange(method, biz, withNotifyUrl),
                answer -> answer.response() == null
                        ? Outcome.UNKNOWN
                        : answer.response().isSuccess() ? Outcome.SUCCESS : Outcome.REFUSED);
    }

    private Answer exchange(String method, Map<String, ?> biz, boolean withNotifyUrl) {
        ChannelCalls.Sent<GatewayTransport.Reply> sent = calls.send(method, () -> {
            GatewayCall call =
                    GatewayCall.of(account, method, biz, withNotifyUrl ? notifyUrl.get() : null, clock.instant());
            return transport.post(URI.create(gateway.get() + "?" + call.query()), call.body());
        });
        if (!sent.answered()) {
            return Answer.none(sent.noAnswer());
        }
        GatewayTransport.Reply reply = sent.reply();
        if (reply.status() != 200) {
            return Answer.none("HTTP " + reply.status());
        }
        try {
            return new Answer(GatewayResponse.verify(method, reply.body(), account.alipayKey()), null);
        } catch (UnverifiedResponseException e) {
            calls.unverified(method, e.getMessage());
            return Answer.none("unverified answer: " + e.getMessage());
        }
    }

    private static String yuan(BigDecimal amount) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not an amount in fen: " + amount);
        }
    }

    /** A verified answer, or (response null) why none came. */
    private record Answer(GatewayResponse response, String noAnswer) {

        static Answer none(String reason) {
            return new Answer(null, reason);
        }
    }
}
