package dev.orderclock.server.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three nodes of the real jar on one PostgreSQL and one RabbitMQ: orders placed across all of them,
 * due over ten seconds, each closed exactly once by whichever node took it, one {@code order.closed}
 * event each on the events exchange; then the same with one node killed with SIGKILL half way.
 */
class ClusterIT {

    /** {@code -Dorderclock.cluster-it.orders=30000} for the full size; the default keeps the suite short on 2 cores. */
    static final int ORDERS = Integer.getInteger("orderclock.cluster-it.orders", 3_000);

    static final int NODES = 3;
    static final int SHOPPERS = 12;
    /** Time to place half the orders: three nodes on two cores place 100-160 a second; ample at 30,000 too. */
    static final Duration HALF_PLACED = Duration.ofSeconds(60 + ORDERS / 100);

    @TempDir
    Path dir;

    @Test
    void ordersPlacedAcrossThreeNodesAllCloseExactlyOnce() throws Exception {
        try (ClusterFixture cluster = new ClusterFixture(dir)) {
            // given three nodes
            cluster.start(NODES);
            List<String> skus = cluster.products(1_000_000);
            assertThat(cluster.api(1)
                            .get("/api/stats")
                            .asOperator()
                            .send()
                            .json()
                            .path("engine")
                            .path("mode")
                            .asText())
                    .isEqualTo("cluster");
            assertThat(cluster.api(2)
                            .get("/actuator/health")
                            .asOperator()
                            .send()
                            .json()
                            .path("components")
                            .path("rabbit")
                            .path("status")
                            .asText())
                    .isEqualTo("UP");
            assertThat(cluster.api(2)
                            .get("/actuator/prometheus")
                            .asOperator()
                            .send()
                            .body())
                    .contains("rabbitmq_connections{", "rabbitmq_published_total{", "orderclock_deadlines_in_memory{");

            // when orders are placed across them
            Instant started = Instant.now();
            ClusterFixture.awaitDone(cluster.placeOrders(ORDERS, skus, SHOPPERS));
            System.out.printf(
                    "cluster: %d orders placed on %d nodes in %d ms%n",
                    cluster.acknowledged.size(),
                    NODES,
                    Duration.between(started, Instant.now()).toMillis());

            // then every one closes once, on time, with one event on the exchange
            assertThat(cluster.acknowledged).hasSize(ORDERS);
            System.out.println("cluster: " + ClusterChecks.assertAllClosedOnce(cluster, Instant.now(), true));
        }
    }

    @Test
    void aNodeKilledHalfWayLosesNoDeadline() throws Exception {
        try (ClusterFixture cluster = new ClusterFixture(dir)) {
            cluster.start(NODES);
            List<String> skus = cluster.products(1_000_000);
            ExecutorService shoppers = cluster.placeOrders(ORDERS, skus, SHOPPERS);

            // when one node is killed half way, with messages in its prefetch and near-due ones in its wheel
            await().atMost(HALF_PLACED)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> cluster.acknowledged.size() >= ORDERS / 2);
            cluster.nodes.get(2).kill9();
            Instant killedAt = Instant.now();
            ClusterFixture.awaitDone(shoppers);

            // then the other two close everything, the killed node's share by redelivery or by the sweeper
            System.out.println("cluster, node killed: " + ClusterChecks.assertAllClosedOnce(cluster, killedAt, false));
        }
    }
}
