package dev.orderclock.rabbitmq;

import dev.orderclock.jdbc.JdbcOrderStore;
import dev.orderclock.jdbc.JdbcOutbox;
import dev.orderclock.jdbc.JdbcProductStore;
import dev.orderclock.order.HoldingLimits;
import dev.orderclock.order.NewOrder;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event relay on the local PostgreSQL and RabbitMQ, woken instead of polling: its safety poll is
 * ten minutes here (unless a test says otherwise), so an event that arrives on the exchange within
 * seconds came by a wake — the store's in-process signal for one committed on this node — or by the
 * relay trying again after another node's relay held the lock.
 */
class RelayWakeIT {

    private static final Duration SAFETY_POLL = Duration.ofMinutes(10);

    private final RabbitDelayTiers tiers = new RabbitDelayTiers("test-relay-" + System.nanoTime() + ".");
    private PostgresSchema schema;
    private Connection broker;
    private Channel channel;
    private String queue;
    private EventRelay relay;

    @BeforeEach
    void start() throws Exception {
        schema = new PostgresSchema();
        broker = new ConnectionFactory().newConnection("RelayWakeIT");
        channel = broker.createChannel();
        tiers.declare(channel);
        queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, tiers.eventsExchange(), "#");
        relay = relay(SAFETY_POLL);
    }

    private EventRelay relay(Duration safetyPoll) {
        return new EventRelay(
                new JdbcOutbox(schema.dataSource, InstantSource.system()),
                broker,
                tiers,
                InstantSource.system(),
                Duration.ofMillis(100),
                safetyPoll,
                () -> true,
                100);
    }

    @AfterEach
    void stop() throws Exception {
        relay.stop();
        tiers.delete(channel);
        broker.close();
        schema.close();
    }

    @Test
    void anEventThisNodeCommitsWakesTheRelayInProcess() throws Exception {
        // given a relay woken by the store's commits
        JdbcOrderStore orders = new JdbcOrderStore(schema.dataSource, event -> "{\"type\":\"" + event.type() + "\"}");
        orders.onEventsCommitted(relay::wake);
        new JdbcProductStore(schema.dataSource).create("SKU-1", "a thing", new BigDecimal("9.90"), 10);
        relay.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> unpublished() == 0);

        // when an order is created on this node (its order.created event commits with it)
        long committed = System.nanoTime();
        Instant now = Instant.now();
        orders.create(
                new NewOrder(
                        0, "u1", List.of(new NewOrder.Item("SKU-1", 1)), "CNY", now, now.plus(Duration.ofHours(1))),
                HoldingLimits.NONE);

        // then the event is published within seconds
        assertThat(receive(1, Duration.ofSeconds(5))).hasSize(1);
        System.out.printf(
                "relay woken in process: published %d ms after the commit%n",
                Duration.ofNanos(System.nanoTime() - committed).toMillis());
        assertThat(unpublished()).isZero();
    }

    @Test
    void aWokenRelayThatFindsAnotherRelayHoldingTheLockTriesAgainUntilItHasPublished() throws Exception {
        // given a relay that has run once, and another node's relay holding the cluster's relay lock
        relay.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> relayLooks() >= 1);
        try (java.sql.Connection otherRelay = schema.dataSource.getConnection()) {
            otherRelay.setAutoCommit(false);
            try (PreparedStatement lock = otherRelay.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, relay.lockKey());
                lock.execute();
            }

            // when this node commits two events and wakes its relay once, while the lock is held
            insertEvents(2);
            relay.wake();

            // then nothing is published while the other relay holds the lock (it may have read before the commit)
            await().pollDelay(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> true);
            assertThat(channel.basicGet(queue, true)).isNull();
            assertThat(unpublished()).isEqualTo(2);
            otherRelay.commit(); // the other relay's run ends
        }

        // and once the lock is free, both are published with no further wake and no safety poll
        assertThat(receive(2, Duration.ofSeconds(5))).containsOnly("order.test");
        assertThat(unpublished()).isZero();
    }

    @Test
    void eventsANodeCommittedAndDidNotRelayBeforeItDiedArePublishedByTheSafetyPoll() throws Exception {
        // given a relay whose safety poll is two seconds, which has run once
        relay = relay(Duration.ofSeconds(2));
        relay.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> relayLooks() >= 1);

        // when another connection commits events and nobody wakes a relay (their node died after the commit)
        insertEvents(3);

        // then the safety poll publishes them
        assertThat(receive(3, Duration.ofSeconds(10))).containsOnly("order.test");
        assertThat(unpublished()).isZero();
    }

    @Test
    void anIdleRelaySendsNoStatementAndTheOutboxHasNoTriggerToSerializeCommits() throws Exception {
        // given a relay that has published what there was
        relay.start();
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> relayLooks() >= 1);
        long before = relayLooks();

        // when an event insert is rolled back, and three seconds pass
        try (java.sql.Connection db = schema.dataSource.getConnection()) {
            db.setAutoCommit(false);
            insertEvents(db, 1);
            db.rollback();
        }
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);

        // then nothing was published and the relay did not take its lock again (no run)
        assertThat(channel.basicGet(queue, true)).isNull();
        assertThat(relayLooks()).isEqualTo(before);
        // and no trigger on the outbox: a NOTIFY in it would hold a database-wide lock through every commit
        try (java.sql.Connection db = schema.dataSource.getConnection();
                ResultSet row = db.createStatement()
                        .executeQuery("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'order_events'::regclass"
                                + " AND NOT tgisinternal")) {
            row.next();
            assertThat(row.getLong(1)).isZero();
        }
    }

    private long relayLooks() {
        return relay.runs();
    }

    private void insertEvents(int count) throws Exception {
        try (java.sql.Connection db = schema.dataSource.getConnection()) {
            insertEvents(db, count);
        }
    }

    private static void insertEvents(java.sql.Connection db, int count) throws Exception {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO order_events (event_id, order_id, type, occurred_at, payload) VALUES (?, ?, ?, now(), ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setLong(2, i + 1);
                insert.setString(3, "order.test");
                insert.setString(4, "{}");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private long unpublished() throws Exception {
        try (java.sql.Connection db = schema.dataSource.getConnection();
                ResultSet row = db.createStatement()
                        .executeQuery("SELECT count(*) FROM order_events WHERE published_at IS NULL")) {
            row.next();
            return row.getLong(1);
        }
    }

    private List<String> receive(int count, Duration within) {
        List<String> types = new ArrayList<>();
        await().atMost(within).pollInterval(Duration.ofMillis(20)).until(() -> {
            GetResponse message;
            while ((message = channel.basicGet(queue, true)) != null) {
                types.add(message.getProps().getType());
            }
            return types.size() >= count;
        });
        return types;
    }
}
