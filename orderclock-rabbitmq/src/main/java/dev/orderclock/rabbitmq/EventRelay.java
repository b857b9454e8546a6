package dev.orderclock.rabbitmq;

import dev.orderclock.outbox.Outbox;
import dev.orderclock.outbox.OutboxEvent;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Date;
import java.util.function.BooleanSupplier;

/**
 * Relays the outbox ({@code order_events}) to the topic exchange {@code <prefix>events}: routing key
 * the event type, body the stored payload, persistent and confirmed, then marks the rows published.
 * One relay per cluster is active at a time (the lock of {@link Outbox#publishNext}, on PostgreSQL an
 * advisory lock held by the transaction) and it publishes in {@code seq} order, so events of an order
 * arrive in order; a crash between the confirm and the commit publishes a batch again (at least once;
 * consumers deduplicate by event id).
 *
 * <p>It runs when woken, not on a clock: by this node's own commits ({@link #wake()} after an outbox
 * write commits). A woken run that finds another node's relay holding the lock tries again after
 * the interval until it has the lock, so every node relays its own events and no node needs to wake
 * another: no {@code NOTIFY}, whose commit-time lock would serialize every commit that writes an
 * event. A slow safety poll, on the one node whose {@link LookingTurn} it is, publishes what a node
 * committed and did not relay before it died. An idle relay costs the database nothing but that poll.
 */
public final class EventRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    /** "orderclk": the relay's lock key space (a PostgreSQL advisory lock), mixed with the prefix. */
    private static final long LOCK_BASE = 0x6f72646572636c6bL;
    /**
     * How long a batch waits for the broker's confirms. Past it the batch is published again, so
     * it is generous: a quorum queue on a busy disk can take seconds, and a duplicate costs more
     * downstream than a slow batch here.
     */
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final Connection connection;
    private final RabbitDelayTiers tiers;
    private final InstantSource clock;
    private final Duration interval;
    private final Duration safetyPoll;
    private final BooleanSupplier polling;
    private final int batchSize;
    private final long lockKey;
    private final Object signal = new Object();
    /** Guarded by {@link #signal}: a wake arrived since the last run began. */
    private boolean woken;

    private volatile boolean running;
    private Thread thread;
    private Channel channel;
    private long failures;
    private final java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();

    /** Polls every {@code interval}: the relay before it was woken. */
    public EventRelay(
            Outbox outbox,
            Connection connection,
            RabbitDelayTiers tiers,
            InstantSource clock,
            Duration interval,
            int batchSize) {
        this(outbox, connection, tiers, clock, interval, interval, () -> true, batchSize);
    }

    /**
     * @param interval   the least time between two runs (a burst of wakes is one run per interval, as
     *                   busy as the old poll and no busier) and the wait after a failed run
     * @param safetyPoll how long it waits for a wake before it looks anyway, for events whose node
     *                   committed them and stopped before its relay ran
     * @param polling    whether this node's safety poll runs: one node's for the cluster is enough
     *                   ({@link LookingTurn}); wakes and retries after a failure run on every node
     */
    public EventRelay(
            Outbox outbox,
            Connection connection,
            RabbitDelayTiers tiers,
            InstantSource clock,
            Duration interval,
            Duration safetyPoll,
            BooleanSupplier polling,
            int batchSize) {
        this.outbox = outbox;
        this.connection = connection;
        this.tiers = tiers;
        this.clock = clock;
        this.interval = interval;
        this.safetyPoll = safetyPoll;
        this.polling = polling;
        this.batchSize = batchSize;
        this.lockKey = LOCK_BASE ^ tiers.prefix().hashCode();
    }

    public synchronized void start() {
        if (thread == null) {
            running = true;
            woken = true; // the first run at once: whatever an earlier life left unpublished
            thread = new Thread(this::loop, "orderclock-event-relay");
            thread.setDaemon(true);
            thread.start();
        }
    }

    public synchronized void stop() {
        if (thread != null) {
            running = false;
            wake();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Something may wait in the outbox: an event committed on this node. Any
     * thread, never blocks; wakes that arrive during a run make one more run after it.
     */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** The cluster's relay lock key (for tests that hold it as another node's relay would). */
    long lockKey() {
        return lockKey;
    }

    /** How many runs it made (each a transaction or more): what an idle relay must not grow. */
    public long runs() {
        return runs.get();
    }

    private void loop() {
        while (running) {
            boolean again = !relayQuietly();
            pause(interval);
            if (!again) {
                awaitWake();
            }
        }
    }

    /** Waits for a wake, or the safety poll if this node polls; returns at once if a wake came meanwhile. */
    private void awaitWake() {
        long deadline = System.nanoTime() + safetyPoll.toNanos();
        synchronized (signal) {
            while (running && !woken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (polling.getAsBoolean()) {
                        break;
                    }
                    deadline = System.nanoTime() + safetyPoll.toNanos();
                    continue;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** The least gap between runs; a wake meanwhile is kept for the next run, not lost. */
    private void pause(Duration gap) {
        long deadline = System.nanoTime() + gap.toNanos();
        synchronized (signal) {
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /**
     * Relays batches until the outbox is empty; returns how many it published, or {@link Outbox#LOCKED}
     * when another node's relay held the lock before this one published anything.
     */
    public int relayAll() throws Exception {
        int total = 0;
        int published;
        do {
            published = relayBatch();
            if (published == Outbox.LOCKED) {
                return total == 0 ? Outbox.LOCKED : total;
            }
            total += published;
        } while (published == batchSize);
        return total;
    }

    /**
     * One run; answers whether it is done. A failed run, and one that found another relay holding the
     * lock (which may have read the outbox before this node's commit), is tried again after the interval.
     */
    private boolean relayQuietly() {
        synchronized (signal) {
            // Cleared before the run reads the outbox: a commit from now on wakes the next run.
            woken = false;
        }
        try {
            runs.incrementAndGet();
            int published = relayAll();
            failures = 0;
            return published != Outbox.LOCKED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } catch (Exception e) {
            // Log the first failure of a run and then every hundredth: a database or broker outage lasts.
            if (failures++ % 100 == 0) {
                log.warn(
                        "event relay failed ({} times in a row), trying again every {} ms: {}",
                        failures,
                        interval.toMillis(),
                        e.toString());
            }
            return false;
        }
    }

    private int relayBatch() throws Exception {
        return outbox.publishNext(lockKey, batchSize, batch -> {
            Channel publishing = channel();
            for (OutboxEvent event : batch) {
                publishing.basicPublish(
                        tiers.eventsExchange(),
                        event.type(),
                        properties(event.eventId(), event.type()),
                        event.payload().getBytes(StandardCharsets.UTF_8));
            }
            publishing.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
        });
    }

    private AMQP.BasicProperties properties(String eventId, String type) {
        return new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType("application/json")
                .messageId(eventId)
                .type(type)
                .timestamp(Date.from(clock.instant()))
                .build();
    }

    private Channel channel() throws IOException {
        // A recovering connection reopens its channels itself; a channel the broker closed for an error stays closed.
        if (channel == null || !channel.isOpen() && connection.isOpen()) {
            channel = connection.createChannel();
            channel.confirmSelect();
        }
        return channel;
    }
}
