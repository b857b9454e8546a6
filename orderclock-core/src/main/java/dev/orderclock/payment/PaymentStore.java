package dev.orderclock.payment;

import dev.orderclock.order.Order;
import dev.orderclock.order.TransitionResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where payment attempts live, beside their orders. Every method is one transaction; every change of
 * an order goes through the same conditional updates (and outbox events) as {@code OrderStore}'s.
 */
public interface PaymentStore {

    /**
     * Opens an attempt on a pending order whose deadline has not passed and that has none open
     * (a conditional update of the order row); the attempt expires at the order's deadline.
     */
    default OpenResult open(long orderId, String channel, Instant now) {
        return open(orderId, channel, now, Integer.MAX_VALUE);
    }

    /**
     * As {@link #open(long, String, Instant)}, refusing with {@link OpenResult.LimitReached} an order that
     * has had {@code maxAttempts} attempts already; counted under the order row's lock, so that racing
     * calls never go over it. An open attempt answered again is no new attempt.
     */
    OpenResult open(long orderId, String channel, Instant now, int maxAttempts);

    /**
     * Records where the buyer pays, once the channel opened the trade, and when the trade really
     * expires: a channel that writes moments to the second expires it at or before the deadline.
     */
    void openedAtChannel(String tradeNo, String payUrl, Instant expiresAt);

    Optional<PaymentAttempt> find(String tradeNo);

    Optional<PaymentAttempt> openAttemptOf(long orderId);

    /** Every attempt of an order, oldest first. */
    List<PaymentAttempt> attemptsOf(long orderId);

    /** The attempts with a refund (pending or done) of any of these orders, in one query: a page's worth. */
    List<PaymentAttempt> refundedAttemptsOf(long[] orderIds);

    /**
     * Records money the channel accepted: marks the attempt paid and pays the order if it is still
     * pending, or records a refund due if it is not. Idempotent: a repeat changes nothing, and so does a
     * payment of a {@link PaymentAttempt.Status#MISMATCHED} attempt (answered as recorded before).
     */
    Recorded recordPayment(String tradeNo, BigDecimal amount, String channelTradeNo, Instant paidAt, Instant now);

    /**
     * Marks an open or closed attempt {@link PaymentAttempt.Status#MISMATCHED}: the channel's trade under its
     * number is not the one opened. Frees the order for another attempt (it stays pending and closes at its
     * deadline like any unpaid one); money the channel took ({@code money}, null when none) is recorded
     * and a refund of exactly that amount made due under the attempt's fixed refund number. Empty when
     * nothing changed: no such attempt, already marked, or already recorded as paid.
     */
    Optional<PaymentAttempt> markMismatched(String tradeNo, TradeState.Paid money, Instant now);

    /**
     * Closes an attempt the channel has closed (or never had) and then, conditionally, its order for
     * timeout: only if still pending and overdue. Writes {@code order.closed} when it closes it.
     *
     * @throws IllegalArgumentException when there is no attempt {@code tradeNo} (nothing changed)
     */
    TransitionResult closeForTimeout(String tradeNo, Instant now);

    /**
     * Closes an attempt the channel has closed and then, conditionally, cancels its pending order.
     *
     * @throws IllegalArgumentException when there is no attempt {@code tradeNo} (nothing changed)
     */
    TransitionResult cancel(String tradeNo, Instant now);

    /**
     * Closes an open attempt the channel has closed (or never had) and leaves its order as it is, so
     * that another attempt can open: the shopper switches channel. Empty when no attempt has that number;
     * an attempt no longer open is answered unchanged.
     */
    Optional<PaymentAttempt> closeAttempt(String tradeNo, Instant now);

    /** Open attempts opened at or before {@code openedBy}, oldest first after {@code afterTradeNo} (null: from the start). */
    List<PaymentAttempt> openSince(Instant openedBy, Instant afterOpenedAt, String afterTradeNo, int limit);

    /**
     * Closed attempts not yet looked at again, closed at or before {@code closedBy}, oldest close first
     * after {@code (afterClosedAt, afterTradeNo)} (nulls: from the start).
     */
    List<PaymentAttempt> closedUnchecked(Instant closedBy, Instant afterClosedAt, String afterTradeNo, int limit);

    /** Records that a closed attempt was looked at again: it leaves {@link #closedUnchecked}. */
    void rechecked(String tradeNo, Instant at);

    /** Attempts whose refund is due and not yet confirmed, oldest payment first. */
    List<PaymentAttempt> refundsDue(int limit);

    /** Marks a due refund done and writes {@code order.refunded}; empty when it was already marked. */
    Optional<Order> refunded(String tradeNo, Instant at);

    /** Every channel's attempts, payments and refunds so far, by channel name. */
    List<ChannelTally> tallyByChannel();
}
