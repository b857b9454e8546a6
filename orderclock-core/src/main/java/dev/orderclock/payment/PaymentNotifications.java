package dev.orderclock.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;

/**
 * A channel's asynchronous notification, verified by the channel's adapter and recorded: only a
 * genuine {@code PAID} for a known trade of that channel with the exact amount changes anything,
 * and a repeat changes nothing. The answer tells the endpoint which reply to give the channel.
 */
public final class PaymentNotifications {

    /** ACCEPTED: recorded now or before, or nothing to record; REFUSED: not genuine or not ours, nothing changed. */
    public enum Answer {
        ACCEPTED,
        REFUSED
    }

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

    private final PaymentStore store;
    private final InstantSource clock;
    private final PaymentOutcomes outcomes;

    public PaymentNotifications(PaymentStore store, InstantSource clock, PaymentOutcomes outcomes) {
        this.store = store;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    public Answer receive(PaymentChannel channel, InboundNotification inbound) {
        PaymentNotification notification;
        try {
            notification = channel.readNotification(inbound);
        } catch (InvalidNotificationException e) {
            log.warn("refused a {} notification: {}", channel.name(), e.reason());
            return Answer.REFUSED;
        }
        PaymentAttempt attempt = store.find(notification.tradeNo()).orElse(null);
        if (attempt == null || !attempt.channel().equals(channel.name())) {
            log.warn("refused a {} notification for an unknown trade", channel.name());
            return Answer.REFUSED;
        }
        if (notification.kind() != PaymentNotification.Kind.PAID) {
            return Answer.ACCEPTED; // closed, finished, refunded: nothing for the order to learn
        }
        Instant now = clock.instant();
        Instant paidAt = notification.paidAt() != null ? notification.paidAt() : now;
        Recorded recorded = store.recordPayment(notification.tradeNo(), notification.amount(),
                notification.channelTradeNo(), paidAt, now);
        if (recorded instanceof Recorded.Paid paid) {
            outcomes.paid(paid.order());
            return Answer.ACCEPTED;
        }
        if (recorded instanceof Recorded.RefundDue due) {
            log.info("money reached order {} after it left pending; refund {} is due",
                    attempt.orderId(), due.attempt().refund().requestNo());
            return Answer.ACCEPTED;
        }
        if (recorded instanceof Recorded.AlreadyRecorded) {
            return Answer.ACCEPTED;
        }
        log.warn("refused a {} notification: {}", channel.name(), recorded.getClass().getSimpleName());
        return Answer.REFUSED;
    }
}
