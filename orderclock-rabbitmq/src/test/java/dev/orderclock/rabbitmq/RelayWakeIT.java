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
 * ten minutes here, so an event that arrives on the exchange within seconds came by a wake — the
 * outbox trigger's NOTIFY for a row another connection committed, the store's in-process signal for
 * one committed on this node.
 */
class RelayWakeIT {

    private static final Duration SAFETY_POLL = Duration.ofMinutes(10);

    private final RabbitDelayTiers tiers = new RabbitDelayTiers("test-relay-" + System.nanoTime() + ".");
    private PostgresSchema schema;
    private Connection broker;
    private Channel channel;
    private String queue;
    private EventRelay relay;
    private OutboxNotifications listener;

    @BeforeEach
    void start() throws Exception {
        schema = new PostgresSchema();
        broker = new ConnectionFactory().newConnection("RelayWakeIT");
        channel = broker.createChannel();
        tiers.declare(channel);
        queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, tiers.eventsExchange(), "#");
        relay = new EventRelay(
                new JdbcOutbox(schema.dataSource, InstantSource.system()),
                broker,
                tiers,
                InstantSource.system(),
                Duration.ofMillis(100),
                SAFETY_POLL,
                () -> true,
                100);
    }

    @AfterEach
    void stop() throws Exception {
        if (listener != null) {
            listener.stop();
        }
        relay.stop();
        tiers.delete(channel);
        broker.close();
        schema.close();
    }

    @Test
    void anEventCommittedByAnotherConnectionIsPublishedPromptlyByItsNotifyNotByThePoll() throws Exception {
        // given a relay that has run once (start-up) and an outbox listener
        listener = new OutboxNotifications(schema.dataSource, relay::wake, Duration.ofMillis(200)).start();
        relay.start();
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);

        // when another connection (another node, as far as this one knows) commits three events
        long committed = System.nanoTime();
        insertEvents(3);

        // then all three are on the exchange within seconds, not a safety poll later, and marked published
        List<String> types = receive(3, Duration.ofSeconds(5));
        System.out.printf(
                "relay woken by NOTIFY: published %d ms after the commit%n",
                Duration.ofNanos(System.nanoTime() - committed).toMillis());
        assertThat(types).containsOnly("order.test");
        assertThat(unpublished()).isZero();
    }

    @Test
    void aListenerWhoseSessionEndsReconnectsAndTheNextCommitStillWakesTheRelay() throws Exception {
        // given a listening relay, its listener on a session the test can end
        String application = "relay-wake-it-" + System.nanoTime();
        listener = new OutboxNotifications(schema.named(application), relay::wake, Duration.ofMillis(200)).start();
        relay.start();
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);

        // when its session is ended (a database restart, a dropped connection)
        assertThat(PostgresSchema.terminate(application)).isEqualTo(1);

        // and another connection commits an event at once, perhaps while nobody listens
        insertEvents(1);

        // then the event is published promptly (by the NOTIFY, or by the wake on reconnecting), and it listens again
        assertThat(receive(1, Duration.ofSeconds(5))).containsExactly("order.test");
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);
        insertEvents(1);
        assertThat(receive(1, Duration.ofSeconds(5))).containsExactly("order.test");
    }

    @Test
    void anEventThisNodeCommitsWakesTheRelayInProcessWithNoListener() throws Exception {
        // given a relay with no outbox listener at all, woken by the store's commits
        JdbcOrderStore orders = new JdbcOrderStore(schema.dataSource, event -> "{\"type\":\"" + event.type() + "\"}");
        orders.onEventsCommitted(relay::wake);
        new JdbcProductStore(schema.dataSource).create("SKU-1", "a thing", new BigDecimal("9.90"), 10);
        relay.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> unpublished() == 0);

        // when an order is created on this node (its order.created event commits with it)
        Instant now = Instant.now();
        orders.create(
                new NewOrder(
                        0, "u1", List.of(new NewOrder.Item("SKU-1", 1)), "CNY", now, now.plus(Duration.ofHours(1))),
                HoldingLimits.NONE);

        // then the event is published within seconds
        assertThat(receive(1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(unpublished()).isZero();
    }

    @Test
    void aRolledBackWriteWakesNobodyAndAnIdleRelaySendsNoStatement() throws Exception {
        // given a listening relay that has published what there was
        listener = new OutboxNotifications(schema.dataSource, relay::wake, Duration.ofMillis(200)).start();
        relay.start();
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);
        // the start-up run and the one the listener asks for once connected
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
