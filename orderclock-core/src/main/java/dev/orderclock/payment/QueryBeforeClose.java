package dev.orderclock.payment;

import dev.orderclock.order.OpenAttemptCheck;
import dev.orderclock.order.TransitionResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * An overdue order with an open attempt: asks the channel before closing it. Paid means the order is
 * paid (the lost notification); not paid means the trade is closed at the channel, then the order;
 * an unclear answer leaves the order pending and asks the engine to fire it again later, with a
 * back-off that grows with how overdue it is. Never closed on a guess, never forgotten: the order
 * stays pending in the database, where a restart's horizon load and reconciliation find it again.
 * A trade carrying another amount, currency or merchant than its attempt ends there: closed at the
 * channel or its money refunded, the attempt marked {@code MISMATCHED}, the order closed as unpaid.
 * At most {@code maxInFlight} orders are being checked at once; the rest are retried shortly.
 */
public final class QueryBeforeClose implements OpenAttemptCheck {

    /** Fires an order's deadline again at a later moment (a {@code DeadlineInbox}'s or the engine's {@code retryAt}). */
    @FunctionalInterface
    public interface Retry {
        void at(long orderId, Instant when);
    }

    /** How a check ended. */
    public enum Decision {
        PAID,
        REFUND_DUE,
        CLOSED,
        RETRY,
        /** The order no longer has an open attempt: its deadline fires again to close it if still due. */
        SETTLED
    }

    /** Concurrency and back-off; {@link #DEFAULTS} suits a real channel. */
    public record Settings(int maxInFlight, Duration minBackoff, Duration maxBackoff) {
        public static final Settings DEFAULTS = new Settings(32, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    private static final Logger log = LoggerFactory.getLogger(QueryBeforeClose.class);

    private final PaymentStore store;
    private final PaymentChannels channels;
    private final InstantSource clock;
    private final Retry retry;
    private final PaymentOutcomes outcomes;
    private final Executor executor;
    private final Settings settings;
    private final Semaphore inFlight;
    private final MismatchedTrades mismatched;
    private final Set<Long> checking = ConcurrentHashMap.newKeySet();

    public QueryBeforeClose(
            PaymentStore store,
            PaymentChannels channels,
            InstantSource clock,
            Retry retry,
            PaymentOutcomes outcomes,
            Executor executor,
            Settings settings) {
        this.store = store;
        this.channels = channels;
        this.clock = clock;
        this.retry = retry;
        this.outcomes = outcomes;
        this.executor = executor;
        this.settings = settings;
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.mismatched = new MismatchedTrades(store, clock);
    }

    /** Starts a check on the executor and returns; when too many are under way, retries it shortly. */
    @Override
    public void check(long orderId) {
        if (!checking.add(orderId)) {
            return; // already being checked: its outcome decides
        }
        if (!inFlight.tryAcquire()) {
            checking.remove(orderId);
            retry.at(orderId, clock.instant().plus(settings.minBackoff()));
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    decideQuietly(orderId);
                } finally {
                    checking.remove(orderId);
                    inFlight.release();
                }
            });
        } catch (RejectedExecutionException e) {
            checking.remove(orderId);
            inFlight.release();
            retry.at(orderId, clock.instant().plus(settings.minBackoff()));
        }
    }

    /** Decides one order in the calling thread. */
    public Decision decide(long orderId) {
        PaymentAttempt attempt = store.openAttemptOf(orderId).orElse(null);
        if (attempt == null) {
            // Settled meanwhile (paid, or closed with its attempt): a firing shortly after closes it if
            // still due, and a small delay keeps an unforeseen state from spinning.
            retry.at(orderId, clock.instant().plus(settings.minBackoff()));
            return Decision.SETTLED;
        }
        PaymentChannel channel = channels.find(attempt.channel()).orElse(null);
        if (channel == null) {
            log.warn(
                    "order {} has an open {} trade but that channel is not configured; asking again later",
                    orderId,
                    attempt.channel());
            return later(attempt);
        }
        TradeState state = channel.query(attempt.tradeNo());
        if (MismatchedTrades.isMismatch(attempt, state)) {
            return endMismatched(channel, attempt, state);
        }
        if (state instanceof TradeState.Paid paid) {
            return record(attempt, paid);
        }
        if (state instanceof TradeState.Closed) {
            return closeLocally(attempt);
        }
        if (state instanceof TradeState.Waiting || state instanceof TradeState.NotFound) {
            return closeAtChannel(channel, attempt);
        }
        return later(attempt);
    }

    private Decision closeAtChannel(PaymentChannel channel, PaymentAttempt attempt) {
        CloseAnswer answer = channel.close(attempt.tradeNo());
        if (answer instanceof CloseAnswer.Closed) {
            return closeLocally(attempt);
        }
        if (answer instanceof CloseAnswer.NotFound) {
            // Not existing is not closed: only once the trade's own expiry has passed can nobody pay it.
            Instant now = clock.instant();
            if (attempt.expiresAt().isAfter(now)) {
                retry.at(attempt.orderId(), attempt.expiresAt());
                return Decision.RETRY;
            }
            return closeLocally(attempt);
        }
        // Refused because paid, or no clear answer: what the trade is now decides.
        TradeState again = channel.query(attempt.tradeNo());
        if (MismatchedTrades.isMismatch(attempt, again)) {
            return endMismatched(channel, attempt, again);
        }
        if (again instanceof TradeState.Paid paid) {
            return record(attempt, paid);
        }
        if (again instanceof TradeState.Closed) {
            return closeLocally(attempt);
        }
        return later(attempt);
    }

    /** Not this order's trade: the order closes as unpaid once the trade is ended. */
    private Decision endMismatched(PaymentChannel channel, PaymentAttempt attempt, TradeState state) {
        return mismatched.end(channel, attempt, state) ? closeLocally(attempt) : later(attempt);
    }

    private Decision record(PaymentAttempt attempt, TradeState.Paid paid) {
        Instant now = clock.instant();
        Recorded recorded = store.recordPayment(
                attempt.tradeNo(),
                paid.amount(),
                paid.channelTradeNo(),
                paid.paidAt() != null ? paid.paidAt() : now,
                now);
        if (recorded instanceof Recorded.Paid done) {
            outcomes.paid(done.order());
            return Decision.PAID;
        }
        if (recorded instanceof Recorded.RefundDue) {
            return Decision.REFUND_DUE;
        }
        if (recorded instanceof Recorded.AlreadyRecorded) {
            return Decision.SETTLED;
        }
        log.warn("the channel reports trade {} paid with another amount; asking again later", attempt.tradeNo());
        return later(attempt);
    }

    private Decision closeLocally(PaymentAttempt attempt) {
        TransitionResult result = store.closeForTimeout(attempt.tradeNo(), clock.instant());
        if (result instanceof TransitionResult.Applied applied) {
            outcomes.closedForTimeout(applied.order());
            return Decision.CLOSED;
        }
        return Decision.SETTLED; // paid a moment earlier through its notification
    }

    /** Back-off from 1 s up to a minute, growing with how overdue the order is: no state to keep. */
    private Decision later(PaymentAttempt attempt) {
        Instant now = clock.instant();
        Duration overdue = Duration.between(attempt.expiresAt(), now);
        Duration delay = overdue.compareTo(settings.minBackoff()) < 0
                ? settings.minBackoff()
                : overdue.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : overdue;
        retry.at(attempt.orderId(), now.plus(delay));
        return Decision.RETRY;
    }

    private void decideQuietly(long orderId) {
        try {
            decide(orderId);
        } catch (RuntimeException e) {
            // A failed store or channel call is an unclear answer: the order stays pending and comes back.
            log.warn("checking order {} before closing failed, asking again later: {}", orderId, e.toString());
            retry.at(orderId, clock.instant().plus(settings.maxBackoff().dividedBy(4)));
        }
    }
}
