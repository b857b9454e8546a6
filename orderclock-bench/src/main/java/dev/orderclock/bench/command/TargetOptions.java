package dev.orderclock.bench.command;

import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.server.ServerDatabase;
import dev.orderclock.bench.server.ServerProcess;
import dev.orderclock.bench.server.ServerSettings;
import dev.orderclock.bench.workload.OrderApi;

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

    @Option(names = "--mode", defaultValue = "embedded", description = "embedded (H2, the local wheel) or cluster")
    String mode;

    @Option(names = "--url", description = "a running server on this machine (127.0.0.1) instead of starting the jar")
    URI url;

    @Option(names = "--admin-token", defaultValue = "${env:ORDERCLOCK_ADMIN_TOKEN}",
            description = "operator token of the --url server")
    String adminToken;

    @Option(names = "--pid", description = "process id of the --url server, for heap and RSS")
    Long pid;

    @Option(names = "--jar", defaultValue = "${sys:orderclock.jar:-orderclock-server/target/orderclock-server.jar}",
            description = "the server jar to start (default: ${DEFAULT-VALUE})")
    Path jar;

    @Option(names = "--data-dir", description = "server data directory (default: a fresh temporary one, deleted after)")
    Path dataDir;

    @Option(names = "--keep-data", description = "keep the temporary data directory")
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
        return new ServerSettings(jar, heap, port, List.copyOf(jvmArgs), List.copyOf(serverArgs),
                Duration.ofMinutes(10));
    }

    /** A new random operator token for a server the bench starts. */
    static String newToken() {
        return "bench-" + UUID.randomUUID();
    }

    /** The server to measure: attached to {@code --url}, or the jar started on {@code --data-dir} or a fresh one. */
    Target open() throws IOException, InterruptedException {
        if (!"embedded".equals(mode)) {
            throw new IllegalArgumentException("--mode " + mode
                    + ": the bench does not start a cluster yet (the README starts one by hand); only embedded runs");
        }
        if (url != null) {
            return attach();
        }
        if (!Files.isRegularFile(jar) || Files.size(jar) < 1024) {
            throw new IllegalArgumentException("no server jar at " + jar.toAbsolutePath()
                    + ": build it (mvn -B -pl orderclock-server -am package -DskipTests) or pass --jar");
        }
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("orderclock-bench-");
        ServerDatabase database = ServerDatabase.of(dir, jar);
        String token = newToken();
        Progress.step("starting " + jar.getFileName() + " -Xmx" + heap + " on " + dir);
        ServerProcess server;
        try {
            server = ServerProcess.start(settings(), database, token);
        } catch (IOException | RuntimeException e) {
            if (dataDir == null && !keepData) {
                System.err.println("[bench] server log kept at " + Files.copy(dir.resolve("server.log"),
                        Files.createTempFile("orderclock-server-", ".log"), StandardCopyOption.REPLACE_EXISTING));
                Target.deleteTree(dir);
            }
            throw e;
        }
        Progress.step("server pid " + server.pid() + " healthy at " + server.baseUri() + " after "
                + server.startedIn().toMillis() + " ms");
        return new Target(new OrderApi(server.baseUri(), token), "jar " + jar + " -Xmx" + heap + " pid " + server.pid(), server,
                database, server.pid(), dataDir == null && !keepData ? dir : null);
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
