package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;

import com.rabbitmq.client.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One consumer channel's deliveries from the due queue. Each message's due deadlines are handed to
 * the engine's firing ({@link DeadlineEngine#fireNow}: its workers, batches and retry rule), those
 * still a little early to its wheel ({@link DeadlineEngine#retryAt}); the message is acked once every
 * due deadline it carried has been fired in a committed transaction (or closed by the sweeper). Until
 * then it is unacked, so a node killed meanwhile leaves it to the broker to deliver to another. A
 * hand-over the engine gives up on (it stops, or has no room for a retry) is sent back to the queue.
 *
 * <p><b>Threading.</b> {@link #delivered} from the client's delivery thread; the outcomes are
 * settled on the engine's firing threads and queued here, and {@link #acknowledge} sends them from
 * the channel's one acking thread, so no firing thread ever waits on the broker's socket.
 */
final class DueDeliveries {

    private static final Logger log = LoggerFactory.getLogger(DueDeliveries.class);

    /** What the acking thread does with a settled delivery: on a channel, {@code basicAck} and {@code basicNack}. */
    interface Acks {
        void ack(long tag) throws IOException;

        void requeue(long tag) throws IOException;
    }

    /** A delivery whose deadlines are all settled ({@code failure} null) or that the engine gave up on. */
    private record Settled(long tag, Throwable failure) {}

    private final Map<String, DeadlineSource> sources;
    private final DeadlineEngine engine;
    private final InstantSource clock;
    private final BlockingQueue<Settled> settled = new LinkedBlockingQueue<>();

    DueDeliveries(Map<String, DeadlineSource> sources, DeadlineEngine engine, InstantSource clock) {
        this.sources = sources;
        this.engine = engine;
        this.clock = clock;
    }

    /** Hands the message's deadlines to the engine; its ack is queued for {@link #acknowledge} once they are settled. */
    void delivered(long tag, Delivery delivery) {
        handOver(delivery).whenComplete((done, failure) -> settled.add(new Settled(tag, failure)));
    }

    /**
     * Acks (or sends back) the deliveries settled so far, waiting up to {@code wait} for the first;
     * returns how many. In the channel's acking thread.
     */
    int acknowledge(Acks acks, Duration wait) throws InterruptedException, IOException {
        Settled first = settled.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        int count = 0;
        for (Settled next = first; next != null; next = settled.poll()) {
            if (next.failure() == null) {
                acks.ack(next.tag());
            } else {
                log.warn(
                        "a due-queue message goes back to the queue, its deadlines unfired here: {}",
                        next.failure().toString());
                acks.requeue(next.tag());
            }
            count++;
        }
        return count;
    }

    private CompletionStage<Void> handOver(Delivery delivery) {
        DelayMessage message;
        try {
            message = DelayMessage.from(delivery);
        } catch (IllegalArgumentException e) {
            log.warn("dropping a message on the due queue that is not a deadline: {}", e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        DeadlineSource source = sources.get(message.source());
        if (source == null) {
            log.warn("dropping {} deadlines of unknown source {}", message.size(), message.source());
            return CompletableFuture.completedFuture(null);
        }
        long now = clock.millis();
        long[] due = new long[message.size()];
        int count = 0;
        for (int i = 0; i < message.size(); i++) {
            if (message.dueMillis()[i] > now) {
                // The wheel holds it until its second is over; if this node dies first, the sweeper closes it.
                engine.retryAt(source, message.ids()[i], Instant.ofEpochMilli(message.dueMillis()[i]));
            } else {
                due[count++] = message.ids()[i];
            }
        }
        return engine.fireNow(source, Arrays.copyOf(due, count));
    }
}
