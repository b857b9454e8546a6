package dev.orderclock.server.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Three nodes through a RabbitMQ stop/start and a PostgreSQL restart half way: every deadline fires
 * within grace plus a sweep interval after the service is back, nothing twice. These restart the
 * machine's shared broker and database, disturbing any other test running on it at the same moment
 * (the suite runs its test classes one at a time, so nothing else does); a developer running other
 * suites beside it turns them off with {@code -Dorderclock.outage-tests=false}.
 */
@DisabledIfSystemProperty(named = "orderclock.outage-tests", matches = "false")
class ClusterOutageIT {

    @TempDir
    Path dir;

    @Test
    void rabbitMqStoppedAndStartedHalfWayLosesNoDeadline() throws Exception {
        Instant backAt = runThrough(
                () -> {
                    run("rabbitmqctl", "stop_app");
                    Thread.sleep(3_000);
                    run("rabbitmqctl", "start_app");
                    run("rabbitmqctl", "await_startup");
                },
                "broker restarted");
        System.out.println("broker back at " + backAt);
    }

    @Test
    void postgresRestartedHalfWayLosesNoDeadline() throws Exception {
        Instant backAt = runThrough(
                () -> {
                    run("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "restart");
                    await("PostgreSQL accepting connections")
                            .atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> new ProcessBuilder("pg_isready", "-q", "-h", "127.0.0.1")
                                            .start()
                                            .waitFor()
                                    == 0);
                },
                "database restarted");
        System.out.println("database back at " + backAt);
    }

    private interface Outage {
        void happen() throws Exception;
    }

    private Instant runThrough(Outage outage, String what) throws Exception {
        try (ClusterFixture cluster = new ClusterFixture(dir)) {
            cluster.start(ClusterIT.NODES);
            List<String> skus = cluster.products(1_000_000);
            ExecutorService shoppers = cluster.placeOrders(ClusterIT.ORDERS, skus, ClusterIT.SHOPPERS);
            await().atMost(ClusterIT.HALF_PLACED)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> cluster.acknowledged.size() >= ClusterIT.ORDERS / 2);

            outage.happen();
            Instant backAt = Instant.now();
            ClusterFixture.awaitDone(shoppers);

            System.out.println("cluster, " + what + ": " + ClusterChecks.assertAllClosedOnce(cluster, backAt, false));
            return backAt;
        }
    }

    /** The one cluster's version, as {@code .ci/run} finds it: the name of its folder under /etc/postgresql. */
    private static String postgresVersion() throws IOException {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(version -> version.getFileName().toString())
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
