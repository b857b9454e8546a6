package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.outbox.Outbox;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Cluster mode on one RabbitMQ connection, assembled from its settings: the delay tiers (declared when
 * built and again after every reconnection, so a broker that lost its definitions, a reset node, gets
 * them back), the scheduler that publishes into them, the due-queue consumer and the event relay. The
 * server's cluster profile and the starter's RabbitMQ auto-configuration both assemble it here; a
 * connection it runs on should be {@link #recovering(ConnectionFactory) recovering}.
 */
public final class RabbitCluster {

    /** The back-off between two attempts to reconnect. */
    public static final long RECOVERY_INTERVAL_MILLIS = 2_000;

    public static final int HEARTBEAT_SECONDS = 10;
    /** The least gap between two relay runs (and the wait after a failed one): the relay is woken, not polled. */
    public static final Duration DEFAULT_RELAY_INTERVAL = Duration.ofMillis(100);
    /** The looking node's look for events whose wake was lost (issue 15: idle means idle). */
    public static final Duration DEFAULT_RELAY_SAFETY_POLL = Duration.ofSeconds(60);

    public static final int DEFAULT_RELAY_BATCH_SIZE = 1_000;

    private static final Logger log = LoggerFactory.getLogger(RabbitCluster.class);

    private final Connection connection;
    private final RabbitDelayTiers tiers;
    private final Settings settings;

    private RabbitCluster(Connection connection, RabbitDelayTiers tiers, Settings settings) {
        this.connection = connection;
        this.tiers = tiers;
        this.settings = settings;
    }

    /**
     * {@code factory}, set to recover its connections by itself (every {@link #RECOVERY_INTERVAL_MILLIS}),
     * with their channels and consumers, and to notice a dead broker by heartbeats.
     */
    public static ConnectionFactory recovering(ConnectionFactory factory) {
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
        factory.setRequestedHeartbeat(HEARTBEAT_SECONDS);
        return factory;
    }

    /** Cluster mode on {@code connection}, with every setting at its default until set. */
    public static Builder on(Connection connection, InstantSource clock) {
        return new Builder(connection, clock);
    }

    public RabbitDelayTiers tiers() {
        return tiers;
    }

    /** A scheduler publishing into the tiers, started; closing it publishes what it still buffers. */
    public RabbitDeadlineScheduler scheduler() {
        return new RabbitDeadlineScheduler(
                        connection, tiers, settings.clock(), settings.delayBatchSize(), settings.delayLinger())
                .start();
    }

    /** A consumer of the due queue handing the deadlines of {@code sources} to {@code engine}'s firing, not yet started. */
    public DueQueueConsumer dueQueueConsumer(List<DeadlineSource> sources, DeadlineEngine engine) {
        return new DueQueueConsumer(connection, tiers, sources, engine, settings.clock(), settings.dueQueue());
    }

    /**
     * A relay of {@code outbox} to the events exchange, not yet started.
     *
     * @param polling whether this node's safety poll runs now (one node's for the cluster is enough)
     */
    public EventRelay eventRelay(Outbox outbox, BooleanSupplier polling) {
        return new EventRelay(
                outbox,
                connection,
                tiers,
                settings.clock(),
                settings.relayInterval(),
                settings.relaySafetyPoll(),
                polling,
                settings.relayBatchSize());
    }

    private static void declare(Connection connection, RabbitDelayTiers tiers) throws IOException {
        try (Channel channel = connection.createChannel()) {
            tiers.declare(channel);
        } catch (TimeoutException e) {
            throw new IOException("declaring orderclock's delay tiers timed out", e);
        }
    }

    /** What the builder was given when it built. */
    private record Settings(
            InstantSource clock,
            DueQueueConsumer.Settings dueQueue,
            int delayBatchSize,
            Duration delayLinger,
            Duration relayInterval,
            Duration relaySafetyPoll,
            int relayBatchSize) {}

    /** The settings, each with the default of the piece it belongs to. */
    public static final class Builder {

        private final Connection connection;
        private final InstantSource clock;
        private String prefix = RabbitDelayTiers.DEFAULT_PREFIX;
        private DueQueueConsumer.Settings dueQueue =
                new DueQueueConsumer.Settings(DueQueueConsumer.DEFAULT_CONSUMERS, DueQueueConsumer.DEFAULT_PREFETCH);
        private int delayBatchSize = RabbitDeadlineScheduler.DEFAULT_BATCH_SIZE;
        private Duration delayLinger = RabbitDeadlineScheduler.DEFAULT_LINGER;
        private Duration relayInterval = DEFAULT_RELAY_INTERVAL;
        private Duration relaySafetyPoll = DEFAULT_RELAY_SAFETY_POLL;
        private int relayBatchSize = DEFAULT_RELAY_BATCH_SIZE;

        private Builder(Connection connection, InstantSource clock) {
            this.connection = connection;
            this.clock = clock;
        }

        /** The prefix of every exchange and queue: one per application sharing a broker. */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** The due-queue consumers of this node. */
        public Builder dueQueue(DueQueueConsumer.Settings dueQueue) {
            this.dueQueue = dueQueue;
            return this;
        }

        /** The most deadlines per delay message, and the longest a batch waits for more. */
        public Builder delayBatches(int batchSize, Duration linger) {
            this.delayBatchSize = batchSize;
            this.delayLinger = linger;
            return this;
        }

        /** The event relay's least gap between runs, its safety poll, and the most events per batch. */
        public Builder relay(Duration interval, Duration safetyPoll, int batchSize) {
            this.relayInterval = interval;
            this.relaySafetyPoll = safetyPoll;
            this.relayBatchSize = batchSize;
            return this;
        }

        /** Declares the tiers, and again after each reconnection of the connection. */
        public RabbitCluster build() throws IOException {
            RabbitDelayTiers tiers = new RabbitDelayTiers(prefix);
            declare(connection, tiers);
            ((Recoverable) connection).addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable recoverable) {
                    try {
                        declare(connection, tiers);
                    } catch (IOException | RuntimeException e) {
                        log.warn(
                                "declaring orderclock's delay tiers again after a reconnection failed: {}",
                                e.toString());
                    }
                }

                @Override
                public void handleRecoveryStarted(Recoverable recoverable) {
                    log.warn("lost the RabbitMQ connection; reconnecting every {} ms", RECOVERY_INTERVAL_MILLIS);
                }
            });
            return new RabbitCluster(
                    connection,
                    tiers,
                    new Settings(
                            clock,
                            dueQueue,
                            delayBatchSize,
                            delayLinger,
                            relayInterval,
                            relaySafetyPoll,
                            relayBatchSize));
        }
    }
}
