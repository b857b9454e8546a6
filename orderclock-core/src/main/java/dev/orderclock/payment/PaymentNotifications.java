package dev.orderclock.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;

/**
 * A channel's asynchronous notification, verified by the channel's adapter and recorded: only a
 * genuine {@code PAID} for a known trade of that channel with the exact amount changes anything,
 * and a repeat changes nothing. A notification stating another amount changes nothing by its own word:
 * the channel is asked, and only when its answer shows another trade than the attempt's is that trade
 * ended (refunded, the attempt {@code MISMATCHED}) and the notification acknowledged. The answer tells
 * the endpoint which reply to give the channel.
 */
public final class PaymentNotifications {

    /** ACCEPTED: recorded now or before, or nothing to record; REFUSED: not genuine or not ours, nothing changed. */
    public enum Answer {
        ACCEPTED,
        REFUSED
    }

    /** Why a notification was refused, for channels whose failure answer depends on it (WeChat Pay: 401 or 400). */
    public enum Refusal {
        BAD_SIGNATURE,
        STALE,
        FOREIGN_MERCHANT,
        FOREIGN_CURRENCY,
        UNDECRYPTABLE,
        MALFORMED,
        UNKNOWN_TRADE,
        AMOUNT_MISMATCH;

        /** Whether the notification could not be shown to come from the channel at all. */
        public boolean isUnauthenticated() {
            return this == BAD_SIGNATURE || this == STALE;
        }

        static Refusal of(InvalidNotificationException.Reason reason) {
            return switch (reason) {
                case BAD_SIGNATURE -> BAD_SIGNATURE;
                case STALE -> STALE;
                case FOREIGN_MERCHANT -> FOREIGN_MERCHANT;
                case FOREIGN_CURRENCY -> FOREIGN_CURRENCY;
                case UNDECRYPTABLE -> UNDECRYPTABLE;
                case MALFORMED -> MALFORMED;
            };
        }
    }

    /** The answer and, when refused, why (null when accepted). */
    public record Receipt(Answer answer, Refusal refusal) {

        static final Receipt ACCEPTED = new Receipt(Answer.ACCEPTED, null);

        static Receipt refused(Refusal refusal) {
            return new Receipt(Answer.REFUSED, refusal);
        }

        public boolean isAccepted() {
            return answer == Answer.ACCEPTED;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

    private final PaymentStore store;
    private final InstantSource clock;
    private final PaymentOutcomes outcomes;
    private final MismatchedTrades mismatched;

    public PaymentNotifications(PaymentStore store, InstantSource clock, PaymentOutcomes outcomes) {
        this.store = store;
        this.clock = clock;
        this.outcomes = outcomes;
        this.mismatched = new MismatchedTrades(store, clock);
    }

    public Answer receive(PaymentChannel channel, InboundNotification inbound) {
        return handle(channel, inbound).answer();
    }

    /** As {@link #receive}, saying why a refused notification was refused. */
    public Receipt handle(PaymentChannel channel, InboundNotification inbound) {
        PaymentNotification notification;
        try {
            notification = channel.readNotification(inbound);
        } catch (InvalidNotificationException e) {
            log.warn("refused a {} notification: {}", channel.name(), e.reason());
            return Receipt.refused(Refusal.of(e.reason()));
        }
        PaymentAttempt attempt = store.find(notification.tradeNo()).orElse(null);
        if (attempt == null || !attempt.channel().equals(channel.name())) {
            log.warn("refused a {} notification for an unknown trade", channel.name());
            return Receipt.refused(Refusal.UNKNOWN_TRADE);
        }
        if (notification.kind() != PaymentNotification.Kind.PAID
                || attempt.status() == PaymentAttempt.Status.MISMATCHED) {
            return Receipt
                    .ACCEPTED; // closed, finished, refunded, or a trade already ended: nothing for the order to learn
        }
        Instant now = clock.instant();
        Instant paidAt = notification.paidAt() != null ? notification.paidAt() : now;
        Recorded recorded = store.recordPayment(
                notification.tradeNo(), notification.amount(), notification.channelTradeNo(), paidAt, now);
        if (recorded instanceof Recorded.Paid paid) {
            outcomes.paid(paid.order());
            return Receipt.ACCEPTED;
        }
        if (recorded instanceof Recorded.RefundDue due) {
            log.info(
                    "money reached order {} after it left pending; refund {} is due",
                    attempt.orderId(),
                    due.attempt().refund().requestNo());
            return Receipt.ACCEPTED;
        }
        if (recorded instanceof Recorded.AlreadyRecorded) {
            return Receipt.ACCEPTED;
        }
        if (recorded instanceof Recorded.AmountMismatch && endedAfterAsking(channel, attempt)) {
            return Receipt.ACCEPTED;
        }
        log.warn(
                "refused a {} notification: {}",
                channel.name(),
                recorded.getClass().getSimpleName());
        return Receipt.refused(
                recorded instanceof Recorded.AmountMismatch ? Refusal.AMOUNT_MISMATCH : Refusal.UNKNOWN_TRADE);
    }

    /** Whether the channel's own answer shows another trade than the attempt's, and that trade was ended. */
    private boolean endedAfterAsking(PaymentChannel channel, PaymentAttempt attempt) {
        TradeState state;
        try {
            state = channel.query(attempt.tradeNo());
        } catch (RuntimeException e) {
            return false; // refused for now: the channel notifies again, and the deadline's check asks too
        }
        return MismatchedTrades.isMismatch(attempt, state) && mismatched.end(channel, attempt, state);
    }
}
