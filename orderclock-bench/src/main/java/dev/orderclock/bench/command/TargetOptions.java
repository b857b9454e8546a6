package dev.orderclock.bench.command;

import dev.orderclock.bench.cluster.BenchCluster;
import dev.orderclock.bench.cluster.ClusterServices;
import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.server.ServerDatabase;
import dev.orderclock.bench.server.ServerProcess;
import dev.orderclock.bench.server.ServerSettings;
import dev.orderclock.bench.workload.OrderApi;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Which server to measure and how to start it: options shared by every command that needs one. */
public final class TargetOptions {

    @Option(
            names = "--mode",
            defaultValue = "embedded",
            description =
                    "embedded (H2, the local wheel; default) or "
                            + "cluster (--nodes servers on the local PostgreSQL and RabbitMQ, a fresh database and queue prefix per run)")
    String mode;

    @Option(
            names = "--nodes",
            defaultValue = "1",
            description = "cluster mode: server processes; orders are created "
                    + "on them round robin (default: ${DEFAULT-VALUE})")
    int nodes;

    @Mixin
    ServiceOptions services = new ServiceOptions();

    @Option(
            names = "--url",
            description = "a running server on this machine (127.0.0.1) instead of starting the jar; "
                    + "start it with --orderclock.limits.enabled=false, or the per-shopper limits refuse most orders")
    URI url;

    @Option(
            names = "--admin-token",
            defaultValue = "${env:ORDERCLOCK_ADMIN_TOKEN}",
            description = "operator token of the --url server, or of every cluster node (default there: a random one)")
    String adminToken;

    @Option(names = "--pid", description = "process id of the --url server, for heap and RSS")
    Long pid;

    @Option(
            names = "--jar",
            defaultValue = "${sys:orderclock.jar:-orderclock-server/target/orderclock-server.jar}",
            description = "the server jar to start (default: ${DEFAULT-VALUE})")
    Path jar;

    @Option(names = "--data-dir", description = "server data directory (default: a fresh temporary one, deleted after)")
    Path dataDir;

    @Option(
            names = "--keep-data",
            description = "keep the temporary data directory (cluster mode: and the run's database)")
    boolean keepData;

    @Option(names = "--server-heap", defaultValue = "1g", description = "the server's -Xmx (default: ${DEFAULT-VALUE})")
    String heap;

    @Option(names = "--port", defaultValue = "0", description = "the server's port (default: any free one)")
    int port;

    @Option(names = "--server-arg", description = "extra server argument, e.g. --orderclock.engine.firing-threads=4")
    List<String> serverArgs = new ArrayList<>();

    @Option(names = "--jvm-arg", description = "extra JVM option for the server")
    List<String> jvmArgs = new ArrayList<>();

    ServerSettings settings() {
        return new ServerSettings(
                jar, heap, port, List.copyOf(jvmArgs), List.copyOf(serverArgs), Duration.ofMinutes(10));
    }

    /** A new random operator token for a server the bench starts. */
    static String newToken() {
        return "bench-" + UUID.randomUUID();
    }

    /** The server to measure: attached to {@code --url}, the jar started on {@code --data-dir} or a fresh one, or a cluster. */
    Target open() throws Exception {
        return switch (mode) {
            case "embedded" -> url != null ? attach() : openEmbedded();
            case "cluster" -> openCluster(nodes);
            default -> throw new IllegalArgumentException("--mode " + mode + ": embedded or cluster");
        };
    }

    /** For the commands that read or write the H2 file itself (seed, scale, idle). */
    void requireEmbedded(String command) {
        if (!"embedded".equals(mode)) {
            throw new IllegalArgumentException(
                    command + " measures the embedded H2 file; --mode " + mode + " is for run, burst and compare");
        }
    }

    private Target openEmbedded() throws IOException, InterruptedException {
        requireJar();
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("orderclock-bench-");
        ServerDatabase database = ServerDatabase.of(dir, jar);
        String token = newToken();
        Progress.step("starting " + jar.getFileName() + " -Xmx" + heap + " on " + dir);
        ServerProcess server;
        try {
            server = ServerProcess.start(settings(), database, token);
        } catch (IOException | RuntimeException e) {
            if (dataDir == null && !keepData) {
                keepLog(dir.resolve("server.log"));
                Target.deleteTree(dir);
            }
            throw e;
        }
        Progress.step("server pid " + server.pid() + " healthy at " + server.baseUri() + " after "
                + server.startedIn().toMillis() + " ms");
        return new Target(
                new OrderApi(server.baseUri(), token),
                "jar " + jar + " -Xmx" + heap + " pid " + server.pid(),
                server,
                database,
                server.pid(),
                dataDir == null && !keepData ? dir : null);
    }

    /** {@code count} nodes in cluster mode, one operator token for all; their logs under --data-dir or a temporary one. */
    Target openCluster(int count) throws Exception {
        if (url != null) {
            throw new IllegalArgumentException(
                    "--mode cluster starts its own nodes; --url is for one running embedded server");
        }
        if (count < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1");
        }
        requireJar();
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("orderclock-bench-cluster-");
        boolean deleteDir = dataDir == null && !keepData;
        String token = adminToken != null && !adminToken.isBlank() ? adminToken : newToken();
        ClusterServices on = new ClusterServices(
                services.postgresUrl, services.postgresUser, services.postgresPassword, services.rabbit);
        BenchCluster cluster;
        try {
            cluster = BenchCluster.start(settings(), count, on, dir, token, keepData);
        } catch (Exception e) {
            if (deleteDir) {
                for (int i = 1; i <= count; i++) {
                    Path log = dir.resolve("node-" + i).resolve("server.log");
                    if (Files.exists(log)) {
                        keepLog(log);
                    }
                }
                Target.deleteTree(dir);
            }
            throw e;
        }
        String pids = cluster.nodes().stream()
                .map(node -> Long.toString(node.pid()))
                .reduce((a, b) -> a + "," + b)
                .orElse("");
        Progress.step(count + " cluster node(s) healthy, pids " + pids);
        return Target.cluster(
                cluster,
                token,
                count + " node(s) of jar " + jar + " -Xmx" + heap + " in cluster mode, pids " + pids + ", database "
                        + cluster.database().name() + ", queue prefix " + cluster.prefix(),
                deleteDir ? dir : null);
    }

    private void requireJar() throws IOException {
        if (!Files.isRegularFile(jar) || Files.size(jar) < 1024) {
            throw new IllegalArgumentException("no server jar at " + jar.toAbsolutePath()
                    + ": build it (mvn -B -pl orderclock-server -am package -DskipTests) or pass --jar");
        }
    }

    private static void keepLog(Path log) throws IOException {
        System.err.println("[bench] server log kept at "
                + Files.copy(
                        log, Files.createTempFile("orderclock-server-", ".log"), StandardCopyOption.REPLACE_EXISTING));
    }

    private Target attach() throws IOException {
        if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("--url must be on this machine (127.0.0.1), not " + url.getHost());
        }
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalArgumentException("--url needs --admin-token (or ORDERCLOCK_ADMIN_TOKEN)");
        }
        ServerDatabase database = dataDir == null ? null : ServerDatabase.of(dataDir, jar);
        return new Target(new OrderApi(url, adminToken), "running server " + url, null, database, pid, null);
    }
}
