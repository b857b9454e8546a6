package dev.orderclock.payment;

import dev.orderclock.order.OpenAttemptCheck;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * 查单: asks the channel about attempts open longer than {@code age}, whichever their channel, in
 * pages of {@code batchSize}, so that a lost notification is repaired long before the order's
 * deadline. An attempt whose order is already overdue goes to the deadline's own check (query, then
 * close), which also catches an order whose retry was lost. It also takes a last look at every
 * attempt closed {@code age} ago: money a channel took after the close (WeChat Pay after
 * {@code time_expire}, a buyer paying the old trade while the shop switched channel) is recorded and
 * refunded even when every notification of it was lost. A trade carrying another amount, currency or
 * merchant than its attempt is ended (closed at the channel or refunded) and never looked at again.
 */
public final class Reconciliation {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_AGE = Duration.ofMinutes(5);
    public static final int DEFAULT_BATCH_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final PaymentStore store;
    private final PaymentChannels channels;
    private final OpenAttemptCheck overdue;
    private final InstantSource clock;
    private final PaymentOutcomes outcomes;
    private final Duration age;
    private final int batchSize;
    private final MismatchedTrades mismatched;

    public Reconciliation(
            PaymentStore store,
            PaymentChannels channels,
            OpenAttemptCheck overdue,
            InstantSource clock,
            PaymentOutcomes outcomes,
            Duration age,
            int batchSize) {
        this.store = store;
        this.channels = channels;
        this.overdue = overdue;
        this.clock = clock;
        this.outcomes = outcomes;
        this.age = age;
        this.batchSize = batchSize;
        this.mismatched = new MismatchedTrades(store, clock);
    }

    /** One pass over every attempt open longer than the age; answers how many orders it found paid. */
    public int runOnce() {
        Instant now = clock.instant();
        Instant openedBy = now.minus(age);
        int repaired = 0;
        int queried = 0;
        Instant afterOpenedAt = null;
        String afterTradeNo = null;
        while (true) {
            List<PaymentAttempt> page = store.openSince(openedBy, afterOpenedAt, afterTradeNo, batchSize);
            for (PaymentAttempt attempt : page) {
                queried++;
                if (reconcile(attempt, now)) {
                    repaired++;
                }
            }
            if (page.size() < batchSize) {
                break;
            }
            PaymentAttempt last = page.get(page.size() - 1);
            afterOpenedAt = last.openedAt();
            afterTradeNo = last.tradeNo();
        }
        if (repaired > 0) {
            log.info(
                    "reconciliation queried {} open trades and found {} paid whose notification had not arrived",
                    queried,
                    repaired);
        }
        return repaired + recheckClosed(openedBy);
    }

    /** The last look at attempts closed at or before {@code closedBy}; answers how many it found paid. */
    private int recheckClosed(Instant closedBy) {
        int found = 0;
        int looked = 0;
        Instant afterClosedAt = null;
        String afterTradeNo = null;
        while (true) {
            List<PaymentAttempt> page = store.closedUnchecked(closedBy, afterClosedAt, afterTradeNo, batchSize);
            for (PaymentAttempt attempt : page) {
                looked++;
                if (recheck(attempt)) {
                    found++;
                }
            }
            if (page.size() < batchSize) {
                break;
            }
            PaymentAttempt last = page.get(page.size() - 1);
            afterClosedAt = last.closedAt();
            afterTradeNo = last.tradeNo();
        }
        if (found > 0) {
            log.info(
                    "reconciliation looked again at {} closed trades and found {} paid after their close",
                    looked,
                    found);
        }
        return found;
    }

    private boolean recheck(PaymentAttempt attempt) {
        PaymentChannel channel = channels.find(attempt.channel()).orElse(null);
        if (channel == null) {
            return false;
        }
        TradeState state;
        try {
            state = channel.query(attempt.tradeNo());
        } catch (RuntimeException e) {
            return false; // looked at again on the next pass
        }
        if (state instanceof TradeState.Unknown) {
            return false;
        }
        if (MismatchedTrades.isMismatch(attempt, state)) {
            // Closed already: only money in it is left to end; a mismatched trade without any is done with.
            TradeState.Paid money = state instanceof TradeState.Mismatched m ? m.money() : (TradeState.Paid) state;
            if (money != null) {
                mismatched.end(channel, attempt, state);
                return false;
            }
        }
        Instant now = clock.instant();
        boolean paid = false;
        if (state instanceof TradeState.Paid money) {
            Recorded recorded = store.recordPayment(
                    attempt.tradeNo(),
                    money.amount(),
                    money.channelTradeNo(),
                    money.paidAt() != null ? money.paidAt() : now,
                    now);
            if (recorded instanceof Recorded.AmountMismatch) {
                log.warn(
                        "the channel reports closed trade {} paid with another amount; looking again later",
                        attempt.tradeNo());
                return false;
            }
            if (recorded instanceof Recorded.Paid done) {
                outcomes.paid(done.order());
            }
            paid = true;
        }
        store.rechecked(attempt.tradeNo(), now);
        return paid;
    }

    private boolean reconcile(PaymentAttempt attempt, Instant now) {
        if (!attempt.expiresAt().isAfter(now)) {
            overdue.check(attempt.orderId());
            return false;
        }
        PaymentChannel channel = channels.find(attempt.channel()).orElse(null);
        if (channel == null) {
            return false;
        }
        TradeState state;
        try {
            state = channel.query(attempt.tradeNo());
        } catch (RuntimeException e) {
            return false; // asked again on the next pass
        }
        if (MismatchedTrades.isMismatch(attempt, state)) {
            mismatched.end(channel, attempt, state); // an unclear close is asked again on the next pass
            return false;
        }
        if (!(state instanceof TradeState.Paid paid)) {
            return false;
        }
        Recorded recorded = store.recordPayment(
                attempt.tradeNo(),
                paid.amount(),
                paid.channelTradeNo(),
                paid.paidAt() != null ? paid.paidAt() : now,
                clock.instant());
        if (recorded instanceof Recorded.Paid done) {
            outcomes.paid(done.order());
            return true;
        }
        return recorded instanceof Recorded.RefundDue;
    }
}
