package dev.orderclock.bench.cluster;

import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.server.ServerProcess;
import dev.orderclock.bench.server.ServerSettings;
import dev.orderclock.rabbitmq.RabbitDelayTiers;

import com.rabbitmq.client.ConnectionFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * N server jar processes in cluster mode on the local PostgreSQL and RabbitMQ, isolated as the
 * server's own cluster tests isolate theirs: a fresh database and a fresh queue prefix per run,
 * both taken down on close, or at exit if the bench is interrupted (the database kept on request).
 * Every node has the same operator token.
 */
public final class BenchCluster implements AutoCloseable {

    private final RunDatabase database;
    private final RabbitDelayTiers tiers;
    private final ClusterServices services;
    private final List<ServerProcess> nodes = new ArrayList<>();
    private final boolean keepDatabase;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Ctrl-C skips {@link #close}: without this the prefix's quorum queues and the database would stay behind. */
    private final Thread closeAtExit = new Thread(this::closeAtExit, "bench-cluster-cleanup");

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
        Runtime.getRuntime().addShutdownHook(cluster.closeAtExit);
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

    /**
     * Stops every node, then deletes the prefix's queues and exchanges (once no node is left to declare them
     * again) and drops the database unless kept. A failure to delete on the broker is printed, not thrown.
     */
    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(closeAtExit);
        } catch (IllegalStateException exiting) {
            // closing from the hook itself, or another thread at exit: nothing to remove
        }
        try {
            for (ServerProcess node : nodes) {
                node.close();
            }
        } finally {
            deleteTopology();
            if (keepDatabase) {
                Progress.step("kept database " + database.name());
            } else {
                database.drop();
            }
        }
    }

    private void closeAtExit() {
        try {
            close();
        } catch (Exception e) {
            Progress.step("could not take down cluster run " + database.name() + " at exit: " + e);
        }
    }

    /** The 28 tiers, the due queue and the exchanges the nodes declared; their messages with them. */
    private void deleteTopology() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(services.rabbitHost());
        factory.setPort(services.rabbitPort());
        factory.setUsername(services.rabbitUser());
        factory.setPassword(services.rabbitPassword());
        factory.setVirtualHost(services.rabbitVirtualHost());
        try {
            RabbitDelayTiers.deleteAll(factory, tiers.prefix());
        } catch (Exception e) {
            Progress.step(
                    "could not delete queue prefix " + tiers.prefix() + " (its delay tiers stay on the broker): " + e);
        }
    }
}
