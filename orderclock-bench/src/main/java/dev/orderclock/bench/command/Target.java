package dev.orderclock.bench.command;

import dev.orderclock.bench.cluster.BenchCluster;
import dev.orderclock.bench.server.ServerDatabase;
import dev.orderclock.bench.server.ServerProcess;
import dev.orderclock.bench.workload.OrderApi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The server a command measures: a child process the bench started (and stops), one already
 * running that the bench only talks to, or a cluster of nodes the bench started. What can be
 * measured depends on what is known of it: its pids (memory), its H2 data directory (statements),
 * its cluster (PostgreSQL's and RabbitMQ's counters).
 */
final class Target implements AutoCloseable {

    private final List<OrderApi> nodes;
    private final String description;
    private final ServerProcess process;
    private final ServerDatabase database;
    private final List<Long> pids;
    private final BenchCluster cluster;
    private final Path deleteOnClose;

    private Target(
            List<OrderApi> nodes,
            String description,
            ServerProcess process,
            ServerDatabase database,
            List<Long> pids,
            BenchCluster cluster,
            Path deleteOnClose) {
        this.nodes = List.copyOf(nodes);
        this.description = description;
        this.process = process;
        this.database = database;
        this.pids = List.copyOf(pids);
        this.cluster = cluster;
        this.deleteOnClose = deleteOnClose;
    }

    /** One embedded server: started by the bench ({@code process} non-null) or attached to. */
    Target(
            OrderApi api,
            String description,
            ServerProcess process,
            ServerDatabase database,
            Long pid,
            Path deleteOnClose) {
        this(List.of(api), description, process, database, pid == null ? List.of() : List.of(pid), null, deleteOnClose);
    }

    /** Every node of a cluster the bench started, all sharing {@code token}. */
    static Target cluster(BenchCluster cluster, String token, String description, Path deleteOnClose) {
        List<OrderApi> apis = cluster.nodes().stream()
                .map(node -> new OrderApi(node.baseUri(), token))
                .toList();
        List<Long> pids = cluster.nodes().stream().map(ServerProcess::pid).toList();
        return new Target(apis, description, null, null, pids, cluster, deleteOnClose);
    }

    /** The first node: reads, stats and payments go there (every node shares the database). */
    OrderApi api() {
        return nodes.get(0);
    }

    /** Every node, for spreading order creation round robin. */
    List<OrderApi> nodes() {
        return nodes;
    }

    String description() {
        return description;
    }

    Optional<ServerProcess> process() {
        return Optional.ofNullable(process);
    }

    Optional<ServerDatabase> database() {
        return Optional.ofNullable(database);
    }

    Optional<BenchCluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** The first node's pid (JFR profile). */
    OptionalLong pid() {
        return pids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(pids.get(0));
    }

    /** Every node's pid, for memory per node. */
    List<Long> pids() {
        return pids;
    }

    @Override
    public void close() throws Exception {
        try {
            if (process != null) {
                process.close();
            }
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (deleteOnClose != null) {
                deleteTree(deleteOnClose);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
