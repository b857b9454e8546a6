package dev.orderclock.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Relays the outbox ({@code order_events}) to the topic exchange {@code <prefix>events}: routing key
 * the event type, body the stored payload, persistent and confirmed, then marks the rows published.
 * One relay per cluster is active at a time (a PostgreSQL advisory lock held by the transaction) and
 * it publishes in {@code seq} order, so events of an order arrive in order; a crash between the
 * confirm and the commit publishes a batch again (at least once; consumers deduplicate by event id).
 */
public final class EventRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    /** "orderclk": the advisory lock key space of the relay, mixed with the prefix. */
    private static final long LOCK_BASE = 0x6f72646572636c6bL;
    /**
     * How long a batch waits for the broker's confirms. Past it the batch is published again, so
     * it is generous: a quorum queue on a busy disk can take seconds, and a duplicate costs more
     * downstream than a slow batch here.
     */
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Connection connection;
    private final RabbitDelayTiers tiers;
    private final InstantSource clock;
    private final Duration interval;
    private final int batchSize;
    private final long lockKey;
    private ScheduledExecutorService thread;
    private Channel channel;
    private long failures;

    public EventRelay(DataSource dataSource, Connection connection, RabbitDelayTiers tiers, InstantSource clock,
                      Duration interval, int batchSize) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.tiers = tiers;
        this.clock = clock;
        this.interval = interval;
        this.batchSize = batchSize;
        this.lockKey = LOCK_BASE ^ tiers.prefix().hashCode();
    }

    public synchronized void start() {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread t = new Thread(runnable, "orderclock-event-relay");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(this::relayQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void stop() {
        if (thread != null) {
            thread.shutdown();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
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

    /** Relays batches until the outbox is empty or another node holds the lock; returns how many it published. */
    public int relayAll() throws SQLException, IOException, InterruptedException, TimeoutException {
        int total = 0;
        int published;
        do {
            published = relayBatch();
            total += published;
        } while (published == batchSize);
        return total;
    }

    private void relayQuietly() {
        try {
            relayAll();
            failures = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Log the first failure of a run and then every hundredth: a database or broker outage lasts.
            if (failures++ % 100 == 0) {
                log.warn("event relay failed ({} times in a row), trying again every {} ms: {}",
                        failures, interval.toMillis(), e.toString());
            }
        }
    }

    private int relayBatch() throws SQLException, IOException, InterruptedException, TimeoutException {
        try (java.sql.Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                if (!lock(db)) {
                    db.rollback();
                    return 0;
                }
                List<Long> seqs = new ArrayList<>();
                Channel publishing = channel();
                try (PreparedStatement select = db.prepareStatement(
                        "SELECT seq, event_id, type, payload FROM order_events WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
                    select.setInt(1, batchSize);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            seqs.add(rows.getLong(1));
                            publishing.basicPublish(tiers.eventsExchange(), rows.getString(3),
                                    properties(rows.getString(2), rows.getString(3)),
                                    rows.getString(4).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
                if (!seqs.isEmpty()) {
                    publishing.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
                    markPublished(db, seqs);
                }
                db.commit();
                return seqs.size();
            } catch (SQLException | IOException | InterruptedException | TimeoutException | RuntimeException e) {
                rollbackQuietly(db);
                throw e;
            }
        }
    }

    private boolean lock(java.sql.Connection db) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void markPublished(java.sql.Connection db, List<Long> seqs) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "UPDATE order_events SET published_at = ? WHERE seq = ANY(?)")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setArray(2, db.createArrayOf("bigint", seqs.toArray()));
            update.executeUpdate();
        }
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

    private static void rollbackQuietly(java.sql.Connection db) {
        try {
            db.rollback();
        } catch (SQLException e) {
            log.debug("rollback after a failed relay batch failed", e);
        }
    }
}
