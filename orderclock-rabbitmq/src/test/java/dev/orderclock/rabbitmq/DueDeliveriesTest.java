package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;

import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due-queue consumer's deliveries go through the engine's one firing loop (driven here by
 * {@code runOnce} on a manual clock): a failing transaction of delivered deadlines is retried by the
 * engine's rule, and the message is acked only once they have been fired in a committed transaction.
 */
class DueDeliveriesTest {

    private static final Duration RETRY_DELAY = Duration.ofMillis(500);
    private static final long T0 = 1_700_000_000_000L;

    /** Rows due at {@link #T0}: a fire closes the due ones it has not closed yet, unless told to fail. */
    private static final class Rows implements DeadlineSource {
        final List<long[]> fireCalls = new ArrayList<>();
        final List<Long> closed = new ArrayList<>();
        int failuresLeft;

        @Override
        public String name() {
            return "pay";
        }

        @Override
        public List<Deadline> scan(Deadline after, Instant until, int limit) {
            return List.of();
        }

        @Override
        public synchronized List<Fired> fire(long[] ids, Instant now) {
            fireCalls.add(ids.clone());
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("database unavailable");
            }
            List<Fired> fired = new ArrayList<>();
            for (long id : ids) {
                if (!closed.contains(id)) {
                    closed.add(id);
                    fired.add(new Fired(id, Instant.ofEpochMilli(T0), now));
                }
            }
            return fired;
        }

        @Override
        public List<Fired> sweep(Instant cutoff, int limit, Instant now) {
            return List.of();
        }
    }

    /** Records what the acking thread was asked to do. */
    private static final class RecordedAcks implements DueDeliveries.Acks {
        final List<Long> acked = new ArrayList<>();
        final List<Long> requeued = new ArrayList<>();

        @Override
        public void ack(long tag) {
            acked.add(tag);
        }

        @Override
        public void requeue(long tag) {
            requeued.add(tag);
        }
    }

    private final AtomicLong now = new AtomicLong(T0);
    private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
    private final Rows rows = new Rows();
    private final DeadlineEngine engine = DeadlineEngine.builder(clock)
            .source(rows)
            .horizonLoading(false)
            .retryDelay(RETRY_DELAY)
            .build();
    private final DueDeliveries deliveries = new DueDeliveries(Map.of("pay", rows), engine, clock);
    private final RecordedAcks acks = new RecordedAcks();

    @Test
    void aFailingFireOfDeliveredDeadlinesIsRetriedByTheEnginesRuleAndAckedOnlyAfterTheCommit() throws Exception {
        // given a message of two due deadlines, and a database that fails the first transaction
        rows.failuresLeft = 1;
        deliveries.delivered(7, delivery(new DelayMessage("pay", new long[] {1, 2}, new long[] {T0, T0})));

        // when the engine fires them and the transaction fails
        engine.runOnce();

        // then the message is not acked, and nothing is tried again before the engine's retry delay
        assertThat(rows.fireCalls).hasSize(1);
        assertThat(deliveries.acknowledge(acks, Duration.ZERO)).isZero();
        now.addAndGet(RETRY_DELAY.toMillis() - 1);
        engine.runOnce();
        assertThat(rows.fireCalls).hasSize(1);
        assertThat(deliveries.acknowledge(acks, Duration.ZERO)).isZero();

        // when the retry delay has passed, the engine fires them again and the transaction commits
        now.incrementAndGet();
        engine.runOnce();

        // then they are closed, and only now is the message acked
        assertThat(rows.fireCalls).hasSize(2);
        assertThat(rows.closed).containsExactlyInAnyOrder(1L, 2L);
        assertThat(deliveries.acknowledge(acks, Duration.ZERO)).isEqualTo(1);
        assertThat(acks.acked).containsExactly(7L);
        assertThat(acks.requeued).isEmpty();
    }

    @Test
    void deadlinesOfSeveralMessagesShareTheEnginesTransactionsAndTheEarlyOnesWaitInTheWheel() throws Exception {
        // given two messages of due deadlines and a third whose deadline is 300 ms away
        deliveries.delivered(1, delivery(new DelayMessage("pay", new long[] {1, 2}, new long[] {T0, T0})));
        deliveries.delivered(2, delivery(new DelayMessage("pay", new long[] {3}, new long[] {T0 - 5})));
        deliveries.delivered(3, delivery(new DelayMessage("pay", new long[] {4}, new long[] {T0 + 300})));

        // when the engine fires
        engine.runOnce();

        // then the due ones go out in one transaction and their messages are acked; the early one waits,
        // its message acked, the wheel holding it
        assertThat(rows.fireCalls)
                .singleElement()
                .satisfies(ids -> assertThat(ids).containsExactly(1, 2, 3));
        assertThat(deliveries.acknowledge(acks, Duration.ZERO)).isEqualTo(3);
        assertThat(acks.acked).containsExactlyInAnyOrder(1L, 2L, 3L);

        // when its deadline comes
        now.addAndGet(300);
        engine.runOnce();

        // then it fires from the wheel
        assertThat(rows.closed).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    private static Delivery delivery(DelayMessage message) {
        return new Delivery(new Envelope(1, false, "", "due"), message.properties(), message.body());
    }
}
