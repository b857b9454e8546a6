package dev.orderclock.server.cluster;

import dev.orderclock.rabbitmq.RabbitDelayTiers;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.ServerProcess;
import dev.orderclock.server.testing.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Nodes of the real jar in cluster mode over the local PostgreSQL (a schema of their own in database
 * {@code test}) and RabbitMQ (a prefix of their own), a listener on their events exchange, shoppers
 * placing orders across the nodes, and the clean-up of all of it.
 */
final class ClusterFixture implements AutoCloseable {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    final String schema = "cluster_it_" + System.nanoTime();
    final RabbitDelayTiers tiers = new RabbitDelayTiers("it-" + System.nanoTime() + ".");
    final List<ServerProcess> nodes = new ArrayList<>();
    /** order id to its deadline, for every order a node acknowledged. */
    final Map<String, Instant> acknowledged = new ConcurrentHashMap<>();

    final Set<String> closedEventIds = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicInteger> closedEventsByOrder = new ConcurrentHashMap<>();
    final AtomicLong closedMessages = new AtomicLong();
    private final Path dir;
    private final String eventsQueue;
    private final List<String> nodeArgs;
    private com.rabbitmq.client.Connection rabbit;

    ClusterFixture(Path dir, String... nodeArgs) throws Exception {
        this.dir = dir;
        this.nodeArgs = List.of(nodeArgs);
        eventsQueue = tiers.prefix() + "test-listener";
        try (Connection db = database(POSTGRES);
                Statement statement = db.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        try {
            listen();
        } catch (Exception | Error e) {
            try {
                close();
            } catch (Exception cleanUp) {
                e.addSuppressed(cleanUp);
            }
            throw e;
        }
    }

    /** Declares the tiers (the nodes would too) and consumes {@code order.closed} from their events exchange. */
    private void listen() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1_000);
        rabbit = factory.newConnection("ClusterIT");
        Channel listening = rabbit.createChannel();
        tiers.declare(listening);
        listening.queueDeclare(eventsQueue, true, false, false, Map.of("x-queue-type", "quorum"));
        listening.queueBind(eventsQueue, tiers.eventsExchange(), "order.closed");
        listening.basicQos(1_000);
        ObjectMapper json = new ObjectMapper();
        listening.basicConsume(
                eventsQueue,
                false,
                (tag, delivery) -> {
                    JsonNode event = json.readTree(delivery.getBody());
                    closedMessages.incrementAndGet();
                    if (closedEventIds.add(event.path("eventId").asText())) {
                        closedEventsByOrder
                                .computeIfAbsent(event.path("orderId").asText(), id -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    listening.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                },
                tag -> {});
    }

    /** Starts {@code count} nodes, the first alone so that it migrates the schema. */
    void start(int count) throws Exception {
        nodes.add(startNode(0));
        List<Thread> starting = new ArrayList<>();
        List<ServerProcess> started = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    ServerProcess node = startNode(index);
                    synchronized (started) {
                        started.add(node);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            starting.add(thread);
        }
        for (Thread thread : starting) {
            thread.join();
        }
        nodes.addAll(started);
        if (nodes.size() != count) {
            throw new IllegalStateException("only " + nodes.size() + " of " + count + " nodes started");
        }
    }

    /** Starts node {@code index} again, in place of the one killed. */
    void restart(int index) throws IOException {
        nodes.set(index, startNode(index));
    }

    private ServerProcess startNode(int index) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=cluster",
                "--spring.datasource.url=" + POSTGRES + "?currentSchema=" + schema,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.rabbitmq.host=127.0.0.1",
                "--orderclock.cluster.prefix=" + tiers.prefix()));
        args.addAll(nodeArgs);
        return ServerProcess.start(dir.resolve("node-" + index), args.toArray(String[]::new));
    }

    /** One product per node, created on the first; answers the SKUs. */
    List<String> products(long stock) {
        Shop shop = new Shop(nodes.get(0).api());
        return List.of(shop.product(stock), shop.product(stock), shop.product(stock));
    }

    /**
     * Places {@code orders} orders round-robin across the nodes from a few shopper threads, with pay
     * timeouts of 1 to 10 s; returns the pool, running. A node that is down just fails its requests.
     */
    ExecutorService placeOrders(int orders, List<String> skus, int shoppers) {
        ExecutorService pool = Executors.newFixedThreadPool(shoppers);
        AtomicInteger next = new AtomicInteger();
        List<Shop> shops = nodes.stream().map(node -> new Shop(node.api())).toList();
        for (int t = 0; t < shoppers; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < orders) {
                    try {
                        Reply created = shops.get(i % shops.size())
                                .order("u-" + (i % 500), skus.get(i % skus.size()), 1, 1 + i % 10);
                        if (created.status() == 201) {
                            acknowledged.put(created.text("id"), Instant.parse(created.text("payDeadline")));
                        }
                    } catch (RuntimeException nodeDown) {
                        // the node was killed or is failing over; the next order goes elsewhere
                    }
                }
            });
        }
        pool.shutdown();
        return pool;
    }

    static void awaitDone(ExecutorService pool) throws InterruptedException {
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("shoppers did not finish");
        }
    }

    Api api(int node) {
        return nodes.get(node).api();
    }

    Connection database() throws SQLException {
        return database(POSTGRES + "?currentSchema=" + schema);
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection database(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    /**
     * Kills the nodes, then takes down the prefix's queues and exchanges (only then: a live node would declare
     * them again) and drops the schema. A failure to delete on the broker is printed, not thrown: it is no
     * failure of the cluster under test, and {@code .ci/run} deletes leftover tiers before a suite.
     */
    @Override
    public void close() throws Exception {
        try {
            for (ServerProcess node : nodes) {
                node.kill9();
            }
        } finally {
            deleteQueues();
            dropSchema();
        }
    }

    private void deleteQueues() {
        if (rabbit != null) {
            try (Channel channel = rabbit.createChannel()) {
                channel.queueDelete(eventsQueue);
            } catch (Exception e) {
                System.err.println("ClusterFixture: could not delete " + eventsQueue + ": " + e);
            }
            rabbit.abort();
        }
        try {
            RabbitDelayTiers.deleteAll(new ConnectionFactory(), tiers.prefix());
        } catch (Exception e) {
            System.err.println("ClusterFixture: could not delete the delay tiers of " + tiers.prefix() + ": " + e);
        }
    }

    private void dropSchema() throws SQLException {
        try (Connection db = database(POSTGRES);
                Statement statement = db.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
