package dev.orderclock.payment;

import dev.orderclock.order.Order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Carries out the refunds due (money that reached an order no longer pending): asks the channel to
 * refund under the attempt's fixed request number, confirms a refund still processing with a refund
 * query, and records {@code REFUNDED} with {@code order.refunded}. A refund that fails or whose
 * answer is unclear stays due and is asked again, under the same number, on the next pass.
 */
public final class Refunds {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_BATCH_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final PaymentStore store;
    private final PaymentChannels channels;
    private final InstantSource clock;
    private final PaymentOutcomes outcomes;
    private final int batchSize;

    public Refunds(
            PaymentStore store,
            PaymentChannels channels,
            InstantSource clock,
            PaymentOutcomes outcomes,
            int batchSize) {
        this.store = store;
        this.channels = channels;
        this.clock = clock;
        this.outcomes = outcomes;
        this.batchSize = batchSize;
    }

    /** One pass over the refunds due; answers how many it completed. */
    public int runOnce() {
        List<PaymentAttempt> due = store.refundsDue(batchSize);
        int done = 0;
        for (PaymentAttempt attempt : due) {
            if (refund(attempt)) {
                done++;
            }
        }
        if (done > 0 || due.size() > done) {
            log.info("refunds: {} completed, {} still due", done, due.size() - done);
        }
        return done;
    }

    private boolean refund(PaymentAttempt attempt) {
        PaymentChannel channel = channels.find(attempt.channel()).orElse(null);
        if (channel == null) {
            return false;
        }
        PaymentAttempt.Refund refund = attempt.refund();
        RefundAnswer answer;
        try {
            answer = channel.refund(new RefundRequest(
                    attempt.tradeNo(),
                    refund.requestNo(),
                    refund.amount(),
                    "paid after order " + attempt.orderId() + " had left pending"));
            if (answer instanceof RefundAnswer.Processing) {
                answer = channel.refundStatus(attempt.tradeNo(), refund.requestNo());
            }
        } catch (RuntimeException e) {
            log.warn("refund {} failed, asking again on the next pass: {}", refund.requestNo(), e.toString());
            return false;
        }
        if (!(answer instanceof RefundAnswer.Refunded refunded)) {
            return false; // processing, unknown or not yet known: the same request number next time
        }
        Instant at = refunded.at() != null ? refunded.at() : clock.instant();
        Optional<Order> order = store.refunded(attempt.tradeNo(), at);
        order.ifPresent(outcomes::refunded);
        return order.isPresent();
    }
}
