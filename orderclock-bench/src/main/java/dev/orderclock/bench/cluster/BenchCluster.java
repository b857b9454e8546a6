package dev.orderclock.bench.cluster;

import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.server.ServerProcess;
import dev.orderclock.bench.server.ServerSettings;
import dev.orderclock.rabbitmq.RabbitDelayTiers;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * N server jar processes in cluster mode on the local PostgreSQL and RabbitMQ, isolated as the
 * server's own cluster tests isolate theirs: a fresh database and a fresh queue prefix per run,
 * both taken down on close (the database kept on request). Every node has the same operator token.
 */
public final class BenchCluster implements AutoCloseable {

    private final RunDatabase database;
    private final RabbitDelayTiers tiers;
    private final ClusterServices services;
    private final List<ServerProcess> nodes = new ArrayList<>();
    private final boolean keepDatabase;

    private BenchCluster(RunDatabase database, RabbitDelayTiers tiers, ClusterServices services, boolean keepDatabase) {
        this.database = database;
        this.tiers = tiers;
        this.services = services;
        this.keepDatabase = keepDatabase;
    }

    /**
     * Starts {@code count} nodes under {@code dir} ({@code node-1}, ...), the first alone so that its
     * Flyway migrates the fresh database before the others look at it. On failure, takes down what it made.
     */
    public static BenchCluster start(
            ServerSettings settings,
            int count,
            ClusterServices services,
            Path dir,
            String adminToken,
            boolean keepDatabase)
            throws Exception {
        String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        RunDatabase database = RunDatabase.create(services, "orderclock_bench_" + run);
        BenchCluster cluster =
                new BenchCluster(database, new RabbitDelayTiers("bench-" + run + "."), services, keepDatabase);
        try {
            for (int i = 0; i < count; i++) {
                // A fixed --port would collide between nodes: node i takes port + i.
                ServerSettings node = settings.port() > 0 ? settings.withPort(settings.port() + i) : settings;
                Progress.step("starting cluster node " + (i + 1) + "/" + count + " on database " + database.name()
                        + ", queue prefix " + cluster.tiers.prefix());
                cluster.nodes.add(
                        ServerProcess.start(node, dir.resolve("node-" + (i + 1)), cluster.modeArgs(), adminToken));
            }
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public List<ServerProcess> nodes() {
        return List.copyOf(nodes);
    }

    public RunDatabase database() {
        return database;
    }

    public String prefix() {
        return tiers.prefix();
    }

    private List<String> modeArgs() {
        List<String> args = new ArrayList<>(
                List.of("--spring.profiles.active=cluster", "--orderclock.cluster.prefix=" + tiers.prefix()));
        args.addAll(services.serverArgs(database.name()));
        return args;
    }

    /** Stops every node, deletes the prefix's queues and exchanges, drops the database unless kept. */
    @Override
    public void close() throws Exception {
        for (ServerProcess node : nodes) {
            node.close();
        }
        try {
            deleteTopology();
        } finally {
            if (keepDatabase) {
                Progress.step("kept database " + database.name());
            } else {
                database.drop();
            }
        }
    }

    /** The 28 tiers, the due queue and the exchanges the nodes declared; their messages with them. */
    private void deleteTopology() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(services.rabbitHost());
        factory.setPort(services.rabbitPort());
        factory.setUsername(services.rabbitUser());
        factory.setPassword(services.rabbitPassword());
        factory.setVirtualHost(services.rabbitVirtualHost());
        try (Connection connection = factory.newConnection("orderclock-bench cleanup");
                Channel channel = connection.createChannel()) {
            tiers.delete(channel);
        }
    }
}
