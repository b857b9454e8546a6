package dev.orderclock.server.stats;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.server.testing.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RunningServer
class StatsApiIT {

    @LocalServerPort
    int port;

    Api api;
    Shop shop;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
    }

    @Test
    void statsCountOrdersInEveryStatus() {
        JsonNode orders = stats().path("orders");

        assertThat(orders.fieldNames())
                .toIterable()
                .containsExactly("PENDING_PAYMENT", "PAID", "SHIPPED", "COMPLETED", "CLOSED");
    }

    @Test
    void statsDescribeTheEmbeddedEngine() {
        JsonNode engine = stats().path("engine");

        assertThat(engine.path("mode").asText()).isEqualTo("embedded");
        assertThat(engine.path("horizonSeconds").asLong()).isEqualTo(60);
        assertThat(engine.has("inMemory")).isTrue();
    }

    @Test
    void aClosedPendingOrderCountsAsClosedByTimeoutWithItsCloseLag() {
        long closedBefore = stats().path("closedByTimeout").asLong();
        long lagCountBefore = stats().path("closeLag").path("count").asLong();
        String id = shop.order(Shop.newUser(), shop.product(5), 1, 1).text("id");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> shop.orderAsOperator(id).path("status").asText(), "CLOSED"::equals);

        JsonNode after = stats();
        assertThat(after.path("closedByTimeout").asLong()).isGreaterThan(closedBefore);
        assertThat(after.path("closeLag").path("count").asLong()).isGreaterThan(lagCountBefore);
        assertThat(after.path("closeLag").path("maxMs").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void healthIsUpWithTheDatabase() {
        Reply reply = api.get("/actuator/health").asOperator().send();

        assertThat(reply.json().path("components").path("db").path("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void prometheusShowsTheCloseMetrics() {
        String metrics = api.get("/actuator/prometheus").asOperator().send().body();

        assertThat(metrics)
                .contains(
                        "orderclock_close_lag_seconds_bucket",
                        "orderclock_orders_closed_total",
                        "orderclock_deadlines_in_memory");
    }

    private JsonNode stats() {
        Reply reply = api.get("/api/stats").asOperator().send();
        assertThat(reply).hasStatus(200);
        return reply.json();
    }
}
