package dev.orderclock.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An in-memory payment channel whose answers a test sets: what queries answer (one after another,
 * the last one repeating), what a close answers, and every call it received.
 */
class FakeChannel implements PaymentChannel {

    static final BigDecimal AMOUNT = new BigDecimal("19.98");

    private final String name;
    private final Deque<TradeState> queries = new ArrayDeque<>();
    private final Deque<CloseAnswer> closes = new ArrayDeque<>();
    private PaymentNotification notification;
    final List<String> calls = new ArrayList<>();

    FakeChannel() {
        this("alipay");
    }

    FakeChannel(String name) {
        this.name = name;
    }

    static TradeState.Paid paid() {
        return new TradeState.Paid("ch-1", AMOUNT, Instant.parse("2026-11-24T19:49:59Z"));
    }

    FakeChannel answersQueries(TradeState... states) {
        queries.addAll(List.of(states));
        return this;
    }

    FakeChannel notifies(PaymentNotification read) {
        notification = read;
        return this;
    }

    FakeChannel answersCloses(CloseAnswer... answers) {
        closes.addAll(List.of(answers));
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OpenedTrade open(TradeRequest request) {
        calls.add("open " + request.tradeNo());
        return new OpenedTrade(request.tradeNo(), "https://qr/" + request.tradeNo(), request.expiresAt());
    }

    @Override
    public TradeState query(String tradeNo) {
        calls.add("query");
        return queries.size() > 1 ? queries.poll() : queries.peek();
    }

    @Override
    public CloseAnswer close(String tradeNo) {
        calls.add("close");
        return closes.size() > 1 ? closes.poll() : closes.peek();
    }

    @Override
    public RefundAnswer refund(RefundRequest request) {
        calls.add("refund " + request.refundRequestNo());
        return new RefundAnswer.Unknown("not scripted");
    }

    @Override
    public RefundAnswer refundStatus(String tradeNo, String refundRequestNo) {
        calls.add("refund status");
        return new RefundAnswer.Unknown("not scripted");
    }

    @Override
    public PaymentNotification readNotification(InboundNotification inbound) {
        if (notification != null) {
            return notification;
        }
        throw new InvalidNotificationException(InvalidNotificationException.Reason.MALFORMED, "not scripted");
    }
}
