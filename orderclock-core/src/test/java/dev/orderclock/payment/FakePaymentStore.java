package dev.orderclock.payment;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.TransitionResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One order and its one open attempt, in memory, with what the check needs of a store: the real
 * rules (paid once, closed only when overdue, refund when no longer pending) over a single row.
 */
final class FakePaymentStore implements PaymentStore {

    static final long ORDER_ID = 42;
    static final String TRADE_NO = "ORD-000000001A-1";

    private final Instant deadline;
    private PaymentAttempt attempt;
    OrderStatus status = OrderStatus.PENDING_PAYMENT;
    private int attempts = 1;
    final List<String> changes = new ArrayList<>();

    FakePaymentStore(Instant openedAt, Instant deadline) {
        this.deadline = deadline;
        this.attempt = new PaymentAttempt(
                TRADE_NO,
                ORDER_ID,
                "alipay",
                FakeChannel.AMOUNT,
                PaymentAttempt.Status.OPEN,
                openedAt,
                deadline,
                "https://qr",
                null,
                null,
                null,
                null);
    }

    @Override
    public Optional<PaymentAttempt> openAttemptOf(long orderId) {
        return Optional.of(attempt).filter(a -> a.status() == PaymentAttempt.Status.OPEN);
    }

    @Override
    public Recorded recordPayment(
            String tradeNo, BigDecimal amount, String channelTradeNo, Instant paidAt, Instant now) {
        if (attempt.status() == PaymentAttempt.Status.MISMATCHED) {
            return new Recorded.AlreadyRecorded(attempt);
        }
        if (attempt.amount().compareTo(amount) != 0) {
            return new Recorded.AmountMismatch(attempt);
        }
        if (attempt.status() == PaymentAttempt.Status.PAID) {
            return new Recorded.AlreadyRecorded(attempt);
        }
        attempt = with(PaymentAttempt.Status.PAID);
        if (status == OrderStatus.PENDING_PAYMENT) {
            status = OrderStatus.PAID;
            changes.add("paid");
            return new Recorded.Paid(order());
        }
        changes.add("refund due");
        return new Recorded.RefundDue(attempt);
    }

    @Override
    public Optional<PaymentAttempt> markMismatched(String tradeNo, TradeState.Paid money, Instant now) {
        if (attempt.status() != PaymentAttempt.Status.OPEN && attempt.status() != PaymentAttempt.Status.CLOSED) {
            return Optional.empty();
        }
        PaymentAttempt.Refund refund = money == null
                ? null
                : new PaymentAttempt.Refund(
                        PaymentAttempt.refundRequestNo(tradeNo),
                        PaymentAttempt.RefundStatus.REFUND_PENDING,
                        money.amount(),
                        null);
        attempt = new PaymentAttempt(
                attempt.tradeNo(),
                attempt.orderId(),
                attempt.channel(),
                attempt.amount(),
                PaymentAttempt.Status.MISMATCHED,
                attempt.openedAt(),
                attempt.expiresAt(),
                attempt.payUrl(),
                null,
                money == null ? null : money.paidAt(),
                now,
                refund);
        changes.add(money == null ? "mismatched" : "mismatched, refund " + money.amount() + " due");
        return Optional.of(attempt);
    }

    @Override
    public TransitionResult closeForTimeout(String tradeNo, Instant now) {
        if (attempt.status() == PaymentAttempt.Status.OPEN) {
            attempt = with(PaymentAttempt.Status.CLOSED);
        }
        if (status == OrderStatus.PENDING_PAYMENT && !deadline.isAfter(now)) {
            status = OrderStatus.CLOSED;
            changes.add("closed");
            return new TransitionResult.Applied(order());
        }
        return new TransitionResult.WrongStatus(order());
    }

    Order order() {
        return new Order(
                ORDER_ID,
                "u-1",
                status,
                null,
                FakeChannel.AMOUNT,
                "CNY",
                List.of(),
                deadline.minusSeconds(1800),
                deadline,
                null,
                null,
                null,
                null,
                null);
    }

    private PaymentAttempt with(PaymentAttempt.Status next) {
        return new PaymentAttempt(
                attempt.tradeNo(),
                attempt.orderId(),
                attempt.channel(),
                attempt.amount(),
                next,
                attempt.openedAt(),
                attempt.expiresAt(),
                attempt.payUrl(),
                null,
                null,
                null,
                null);
    }

    /** The one open attempt, or a new one on the channel when none is open and the order may still be paid. */
    @Override
    public OpenResult open(long orderId, String channel, Instant now, int maxAttempts) {
        if (attempt.status() == PaymentAttempt.Status.OPEN) {
            return attempt.channel().equals(channel) || attempts < maxAttempts
                    ? new OpenResult.AlreadyOpen(attempt)
                    : new OpenResult.LimitReached(order(), maxAttempts);
        }
        if (status != OrderStatus.PENDING_PAYMENT || !deadline.isAfter(now)) {
            return new OpenResult.Refused(order());
        }
        if (attempts >= maxAttempts) {
            return new OpenResult.LimitReached(order(), maxAttempts);
        }
        String tradeNo = TRADE_NO.substring(0, TRADE_NO.lastIndexOf('-') + 1) + (++attempts);
        attempt = new PaymentAttempt(
                tradeNo,
                ORDER_ID,
                channel,
                attempt.amount(),
                PaymentAttempt.Status.OPEN,
                now,
                deadline,
                null,
                null,
                null,
                null,
                null);
        changes.add("opened " + channel);
        return new OpenResult.Opened(attempt);
    }

    @Override
    public void openedAtChannel(String tradeNo, String payUrl, Instant expiresAt) {
        Instant expiry = expiresAt.isBefore(attempt.expiresAt()) ? expiresAt : attempt.expiresAt();
        attempt = new PaymentAttempt(
                attempt.tradeNo(),
                attempt.orderId(),
                attempt.channel(),
                attempt.amount(),
                attempt.status(),
                attempt.openedAt(),
                expiry,
                payUrl,
                null,
                null,
                null,
                null);
    }

    @Override
    public List<PaymentAttempt> refundedAttemptsOf(long[] orderIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<PaymentAttempt> find(String tradeNo) {
        return Optional.of(attempt);
    }

    @Override
    public List<PaymentAttempt> attemptsOf(long orderId) {
        return List.of(attempt);
    }

    @Override
    public TransitionResult cancel(String tradeNo, Instant now) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PaymentAttempt> openSince(Instant openedBy, Instant afterOpenedAt, String afterTradeNo, int limit) {
        return openAttemptOf(ORDER_ID).stream()
                .filter(a -> !a.openedAt().isAfter(openedBy))
                .toList();
    }

    @Override
    public List<PaymentAttempt> refundsDue(int limit) {
        return List.of();
    }

    @Override
    public Optional<Order> refunded(String tradeNo, Instant at) {
        return Optional.empty();
    }

    @Override
    public Optional<PaymentAttempt> closeAttempt(String tradeNo, Instant now) {
        if (attempt.status() == PaymentAttempt.Status.OPEN) {
            attempt = with(PaymentAttempt.Status.CLOSED);
            changes.add("attempt closed");
        }
        return Optional.of(attempt);
    }

    @Override
    public List<ChannelTally> tallyByChannel() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PaymentAttempt> closedUnchecked(
            Instant closedBy, Instant afterClosedAt, String afterTradeNo, int limit) {
        return List.of();
    }

    @Override
    public void rechecked(String tradeNo, Instant at) {
        changes.add("rechecked");
    }
}
