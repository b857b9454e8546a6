package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.DeadlineScheduler;
import dev.orderclock.deadline.DeadlineSource;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConfirmListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cluster mode's scheduler: publishes a committed deadline into the delay tiers, persistent and
 * confirmed. The caller does not wait for the confirm; a publish that fails or is nacked is logged
 * and left to the sweeper (at worst grace + sweep interval late). Cancelling is a no-op: the
 * closing update skips an order that is no longer pending.
 */
public final class RabbitDeadlineScheduler implements DeadlineScheduler {

    private static final Logger log = LoggerFactory.getLogger(RabbitDeadlineScheduler.class);
    private static final long LOG_INTERVAL_MILLIS = 10_000;

    private final Connection connection;
    private final RabbitDelayTiers tiers;
    private final InstantSource clock;
    /** Publish sequence number to deadline id, until the broker confirms or refuses it. */
    private final ConcurrentNavigableMap<Long, Long> unconfirmed = new ConcurrentSkipListMap<>();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
    private Channel channel;

    public RabbitDeadlineScheduler(Connection connection, RabbitDelayTiers tiers, InstantSource clock) {
        this.connection = connection;
        this.tiers = tiers;
        this.clock = clock;
    }

    @Override
    public void schedule(DeadlineSource source, long id, Instant due) {
        DelayMessage message = new DelayMessage(source.name(), id, due.toEpochMilli());
        String key = RabbitDelayTiers.routingKey(RabbitDelayTiers.delaySeconds(clock.millis(), message.dueMillis()));
        try {
            synchronized (this) {
                Channel publishing = channel();
                unconfirmed.put(publishing.getNextPublishSeqNo(), id);
                publishing.basicPublish(tiers.entryExchange(), key, message.properties(), message.body());
            }
        } catch (IOException | RuntimeException e) {
            lost(1, e.toString());
        }
    }

    @Override
    public void cancel(DeadlineSource source, long id) {
        // Nothing to take back: the message fires into a conditional update that skips a paid order.
    }

    /** Publishes neither confirmed nor refused yet. */
    public int unconfirmed() {
        return unconfirmed.size();
    }

    /** Publishes that failed, were refused, or whose channel closed before the confirm. */
    public long lost() {
        return lost.get();
    }

    private Channel channel() throws IOException {
        // A recovering connection reopens its channels itself; a channel the broker closed for an error stays closed.
        if (channel == null || !channel.isOpen() && connection.isOpen()) {
            Channel created = connection.createChannel();
            created.confirmSelect();
            created.addConfirmListener(new ConfirmListener() {
                @Override
                public void handleAck(long seq, boolean multiple) {
                    settle(seq, multiple);
                }

                @Override
                public void handleNack(long seq, boolean multiple) {
                    lost(settle(seq, multiple), "the broker refused them");
                }
            });
            created.addShutdownListener(cause -> {
                // Sequence numbers start again on a recovered channel: what was awaiting a confirm is unknown.
                int pending = unconfirmed.size();
                unconfirmed.clear();
                if (pending > 0) {
                    lost(pending, "the channel closed before the broker confirmed them: " + cause.getMessage());
                }
            });
            channel = created;
        }
        return channel;
    }

    private int settle(long seq, boolean multiple) {
        if (!multiple) {
            return unconfirmed.remove(seq) != null ? 1 : 0;
        }
        ConcurrentNavigableMap<Long, Long> settled = unconfirmed.headMap(seq, true);
        int count = settled.size();
        settled.clear();
        return count;
    }

    private void lost(int count, String why) {
        long total = lost.addAndGet(count);
        long now = clock.millis();
        long last = lastLogged.get();
        if (count > 0 && now - last >= LOG_INTERVAL_MILLIS && lastLogged.compareAndSet(last, now)) {
            log.warn("{} deadline publishes lost ({} since start), left to the sweeper: {}", count, total, why);
        }
    }
}
