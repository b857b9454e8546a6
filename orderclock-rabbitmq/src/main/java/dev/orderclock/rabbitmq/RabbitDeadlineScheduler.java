package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.DeadlineScheduler;
import dev.orderclock.deadline.DeadlineSource;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cluster mode's scheduler: gathers committed deadlines into batches per source and due second
 * ({@link DelayBatches}) and publishes each batch as one persistent, confirmed message into the delay
 * tiers, routed by its earliest deadline when it is published. A batch goes when it holds
 * {@code maxIds} deadlines (published by the thread that filled it) or after the linger (by the
 * flusher thread). The caller never waits for the broker. A batch that fails, is nacked or is still
 * buffered when the node dies is left to the sweeper (at worst grace + sweep interval late).
 * Cancelling is a no-op: the closing update skips an order that is no longer pending.
 */
public final class RabbitDeadlineScheduler implements DeadlineScheduler, AutoCloseable {

    /** Deadlines per message: 8 KiB of body, one closing transaction on the consumer's side. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /**
     * The longest a batch stays open for more deadlines. It adds no lateness (a batch leaves early
     * enough, see {@link #LEAD}, and is routed by its earliest deadline when it leaves), only the
     * window in which a dying node loses what it buffered to the sweeper; it sets the messages per
     * second: about one per open due second and source per linger. The broker's tiers carry a few
     * hundred messages a second here, and deadlines spread over many seconds open many batches at
     * once (timeouts of 1 to 10 s: ten), so the linger is long.
     */
    public static final Duration DEFAULT_LINGER = Duration.ofSeconds(1);
    /** A batch whose due second begins within this leaves at the next look, however new it is. */
    public static final Duration LEAD = Duration.ofSeconds(1);
    /** How often the flusher looks: batches due within the lead leave at most this late. */
    static final Duration FLUSH_PERIOD = Duration.ofMillis(20);

    private final Connection connection;
    private final RabbitDelayTiers tiers;
    private final InstantSource clock;
    private final DelayBatches batches;
    private final PublishConfirms confirms;
    private final Duration linger;
    /** Guards the channel: publishes and their sequence numbers must not interleave. */
    private final Object publishing = new Object();

    private ScheduledExecutorService flusher;
    private Channel channel;

    public RabbitDeadlineScheduler(Connection connection, RabbitDelayTiers tiers, InstantSource clock) {
        this(connection, tiers, clock, DEFAULT_BATCH_SIZE, DEFAULT_LINGER);
    }

    public RabbitDeadlineScheduler(
            Connection connection, RabbitDelayTiers tiers, InstantSource clock, int batchSize, Duration linger) {
        this.connection = connection;
        this.tiers = tiers;
        this.clock = clock;
        this.batches = new DelayBatches(batchSize, linger, LEAD);
        this.confirms = new PublishConfirms(clock);
        this.linger = linger;
    }

    /** Starts the flusher that publishes ready batches; until then only full batches are published. */
    public synchronized RabbitDeadlineScheduler start() {
        if (flusher == null) {
            flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread t = new Thread(runnable, "orderclock-delay-flusher");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(1, Math.min(linger.toMillis() / 2, FLUSH_PERIOD.toMillis()));
            flusher.scheduleWithFixedDelay(this::publishReady, period, period, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Stops the flusher and publishes whatever is still buffered. */
    @Override
    public void close() {
        synchronized (this) {
            if (flusher != null) {
                flusher.shutdown();
                try {
                    flusher.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                flusher = null;
            }
        }
        batches.drain().forEach(this::publish);
    }

    @Override
    public void schedule(DeadlineSource source, long id, Instant due) {
        DelayMessage full = batches.add(source.name(), id, due.toEpochMilli(), clock.millis());
        if (full != null) {
            publish(full);
        }
    }

    @Override
    public void cancel(DeadlineSource source, long id) {
        // Nothing to take back: the message fires into a conditional update that skips a paid order.
    }

    /** Publishes every batch open for the linger or due within the lead; the flusher's step, callable by tests. */
    void publishReady() {
        List<DelayMessage> ready = batches.ready(clock.millis());
        ready.forEach(this::publish);
    }

    /** Deadlines buffered, not yet published. */
    public int buffered() {
        return batches.pending();
    }

    /** Deadlines published and neither confirmed nor refused yet. */
    public int unconfirmed() {
        return confirms.unconfirmed();
    }

    /** Deadlines whose message failed, was refused, or whose channel closed before the confirm. */
    public long lost() {
        return confirms.lost();
    }

    private void publish(DelayMessage message) {
        synchronized (publishing) {
            long seq = -1;
            try {
                // routed now, not when the batch opened: the linger must not make it late
                String key = message.routingKey(clock.millis());
                Channel channel = channel();
                seq = channel.getNextPublishSeqNo();
                confirms.published(seq, message.size());
                channel.basicPublish(tiers.entryExchange(), key, message.properties(), message.body());
            } catch (IOException | RuntimeException e) {
                confirms.failed(seq, message.size(), e.toString());
            }
        }
    }

    private Channel channel() throws IOException {
        // A recovering connection reopens its channels itself; a channel the broker closed for an error stays closed.
        if (channel == null || !channel.isOpen() && connection.isOpen()) {
            Channel created = connection.createChannel();
            created.confirmSelect();
            created.addConfirmListener(new ConfirmListener() {
                @Override
                public void handleAck(long seq, boolean multiple) {
                    confirms.acked(seq, multiple);
                }

                @Override
                public void handleNack(long seq, boolean multiple) {
                    confirms.nacked(seq, multiple);
                }
            });
            created.addShutdownListener(cause -> confirms.channelClosed(cause.getMessage()));
            channel = created;
        }
        return channel;
    }
}
