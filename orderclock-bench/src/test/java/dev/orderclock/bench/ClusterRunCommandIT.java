package dev.orderclock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run --mode cluster} against two real jar processes on the local PostgreSQL and RabbitMQ, so
 * the cluster plumbing cannot rot: every order closed once, none missed, none early, and the run's
 * database and queues gone afterwards. Speed is not asserted.
 */
class ClusterRunCommandIT {

    private static final Path JAR =
            Path.of(System.getProperty("orderclock.jar", "../orderclock-server/target/orderclock-server.jar"));
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void aSmallTwoNodeRunClosesEveryOrderOnceAndTakesItsDatabaseDownAfter() throws Exception {
        // given the server jar the reactor built before this module, and the local services
        assertThat(JAR).as("server jar (build orderclock-server first)").isRegularFile();
        long databasesBefore = benchDatabases();

        // when the bench runs 300 orders with a 2-second timeout, round robin over two cluster nodes
        PrintedRun run = PrintedRun.of(
                "run",
                "--mode",
                "cluster",
                "--nodes",
                "2",
                "--jar",
                JAR.toString(),
                "--postgres",
                POSTGRES,
                "--orders",
                "300",
                "--timeout",
                "2s",
                "--concurrency",
                "4",
                "--server-heap",
                "256m",
                "--drain",
                "20s",
                "--json");

        // then every order was created and closed for timeout, once, none early, none missed
        JsonNode report = run.report();
        assertThat(run.exit()).isZero();
        assertThat(report.at("/workload/ordersCreated").asLong()).isEqualTo(300);
        assertThat(report.at("/close/closedByTimeout").asLong()).isEqualTo(300);
        assertThat(report.at("/close/missedCloses").asLong()).isZero();
        assertThat(report.at("/close/closedBeforeDeadline").asLong()).isZero();
        assertThat(report.at("/close/notFoundInListing").asLong()).isZero();
        assertThat(report.at("/database/ordersClosedTwice").asLong()).isZero();
        // and PostgreSQL's and the nodes' RabbitMQ counters were read, memory per node
        assertThat(report.at("/database/transactions").asLong()).isGreaterThanOrEqualTo(300);
        // (a delay message carries every deadline of one due second a node batched: fewer messages than orders)
        assertThat(report.at("/broker/consumed").asLong()).isBetween(1L, 300L);
        assertThat(report.at("/server/node2RssMiB").asText()).isNotEqualTo("n/a");
        // and the run's database is dropped and its due queue deleted
        assertThat(benchDatabases()).isEqualTo(databasesBefore);
        String server = report.at("/workload/server").asText();
        String prefix = server.substring(server.indexOf("queue prefix ") + "queue prefix ".length())
                .trim();
        assertThat(queueExists(prefix + "due")).as(prefix + "due").isFalse();
    }

    private static boolean queueExists(String queue) throws Exception {
        try (com.rabbitmq.client.Connection rabbit = new ConnectionFactory().newConnection("ClusterRunCommandIT")) {
            Channel channel = rabbit.createChannel();
            try {
                channel.queueDeclarePassive(queue);
                return true;
            } catch (IOException notFound) {
                return false;
            }
        }
    }

    private static long benchDatabases() throws Exception {
        try (Connection db = DriverManager.getConnection(POSTGRES, "postgres", "");
                Statement count = db.createStatement();
                ResultSet row = count.executeQuery(
                        "SELECT count(*) FROM pg_database WHERE datname LIKE 'orderclock_bench_%'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
