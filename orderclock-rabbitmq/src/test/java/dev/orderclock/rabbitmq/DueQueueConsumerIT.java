package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The due-queue consumer on the local RabbitMQ with a real engine (horizon loading off): every
 * deadline fires once, never before it is due (the fraction of a second the tiers round away waits
 * in the wheel), soon after it, and the due queue is left empty (everything acked).
 */
class DueQueueConsumerIT {

    /** Fires like the closing update: only ids still pending and due. */
    private static final class PendingRows implements DeadlineSource {
        final Map<Long, Long> due = new ConcurrentHashMap<>();
        final Map<Long, Fired> fired = new ConcurrentHashMap<>();
        final Map<Long, Integer> firings = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "rows";
        }

        @Override
        public List<Deadline> scan(Deadline after, Instant until, int limit) {
            // The start-up backlog reads what is already overdue (nothing here); a horizon load would read ahead.
            if (until.isAfter(Instant.now())) {
                throw new AssertionError("horizon loading is off; nothing may scan ahead of now, asked up to " + until);
            }
            return List.of();
        }

        @Override
        public synchronized List<Fired> fire(long[] ids, Instant now) {
            List<Fired> result = new ArrayList<>();
            for (long id : ids) {
                firings.merge(id, 1, Integer::sum);
                Long dueMillis = due.get(id);
                if (dueMillis != null && dueMillis <= now.toEpochMilli() && !fired.containsKey(id)) {
                    Fired f = new Fired(id, Instant.ofEpochMilli(dueMillis), now);
                    fired.put(id, f);
                    result.add(f);
                }
            }
            return result;
        }

        @Override
        public List<Fired> sweep(Instant cutoff, int limit, Instant now) {
            return List.of();
        }
    }

    private final RabbitDelayTiers tiers = new RabbitDelayTiers("test-consumer-" + System.nanoTime() + ".");
    private final PendingRows rows = new PendingRows();
    private final DeadlineEngine engine = DeadlineEngine.builder(InstantSource.system())
            .source(rows)
            .horizonLoading(false)
            .firingBatchSize(100)
            .build();
    private Connection connection;
    private Channel channel;
    private DueQueueConsumer consumer;

    @BeforeEach
    void start() throws Exception {
        connection = new ConnectionFactory().newConnection("DueQueueConsumerIT");
        channel = connection.createChannel();
        tiers.declare(channel);
        engine.start();
        consumer = new DueQueueConsumer(
                connection, tiers, List.of(rows), engine, InstantSource.system(), new DueQueueConsumer.Settings(2, 4));
        consumer.start();
    }

    @AfterEach
    void stop() throws Exception {
        consumer.stop();
        engine.stop();
        tiers.delete(channel);
        connection.close();
    }

    @Test
    void everyDeadlineFiresOnceNeverEarlyAndTheQueueIsAcked() throws Exception {
        // given 300 pending rows due within the next 0 to 4 s, at odd milliseconds
        // (messages of at most 50, so that several of them meet in one of the engine's transactions of 100 ids)
        RabbitDeadlineScheduler scheduler = new RabbitDeadlineScheduler(
                        connection, tiers, InstantSource.system(), 50, Duration.ofMillis(20))
                .start();
        long now = System.currentTimeMillis();
        for (long id = 1; id <= 300; id++) {
            long dueMillis = now + (id * 13_337) % 4_000;
            rows.due.put(id, dueMillis);
            scheduler.schedule(rows, id, Instant.ofEpochMilli(dueMillis));
        }

        // then each fires once, never before its deadline
        await().atMost(Duration.ofSeconds(15)).until(() -> rows.fired.size() == 300);
        long maxLateness = 0;
        for (Fired f : rows.fired.values()) {
            long lateness = f.firedAt().toEpochMilli() - f.due().toEpochMilli();
            // Never early is the invariant; how late is the broker's: a burst of quorum-queue expiries and
            // dead-letterings measured up to ~0.6 s late on two loaded cores, hence a loose upper bound.
            assertThat(lateness).as("lateness of %s", f).isBetween(0L, 3_000L);
            maxLateness = Math.max(maxLateness, lateness);
        }
        assertThat(rows.firings.values())
                .as("no deadline handed over early and fired for nothing")
                .allSatisfy(times -> assertThat(times).isEqualTo(1));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> channel.queueDeclarePassive(tiers.dueQueue()).getMessageCount() == 0
                        && channel.queueDeclarePassive(tiers.dueQueue()).getConsumerCount() == 2);
        scheduler.close();
        System.out.printf("due-queue consumer: 300 deadlines fired, worst lateness %d ms%n", maxLateness);
    }
}
