package dev.orderclock.server.acceptance;

import dev.orderclock.order.OrderId;
import dev.orderclock.order.OrderStore;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.TransitionResult;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service end to end on a real H2 file database with its real engine and clock: a thousand
 * orders due one to three seconds ahead close on time, once each; cancelled and paid ones never do.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "orderclock.data-dir=./target/it-data/closes-on-time-${random.uuid}",
            "orderclock.admin-token=" + Api.OPERATOR_TOKEN,
            "orderclock.limits.enabled=false"
        })
class ClosesOnTimeIT {

    private static final int ORDERS = 1_000;

    @LocalServerPort
    int port;

    @Autowired
    OrderStore orders;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aThousandOrdersCloseOnTimeOnceEachAndNeverWhenCancelledOrPaid() {
        // given
        Api api = new Api(port);
        Shop shop = new Shop(api);
        List<String> skus = List.of(shop.product(10_000), shop.product(10_000), shop.product(10_000));

        // when a thousand orders are placed, one in ten cancelled and one in ten paid
        List<String> expectTimeout = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        List<String> paid = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String user = "shopper-" + (i % 37);
            Reply created = shop.order(user, skus.get(i % skus.size()), 1 + i % 4, 1 + i % 3);
            assertThat(created.status()).isEqualTo(201);
            String id = created.text("id");
            if (i % 10 == 3) {
                assertThat(api.post("/api/orders/" + id + "/cancel")
                                .as(user)
                                .send()
                                .status())
                        .isEqualTo(200);
                cancelled.add(id);
            } else if (i % 10 == 7) {
                TransitionResult paying =
                        orders.apply(OrderTransition.PAY, OrderId.parse(id).getAsLong(), Instant.now());
                assertThat(paying).isInstanceOf(TransitionResult.Applied.class);
                paid.add(id);
            } else {
                expectTimeout.add(id);
            }
        }

        // then every unpaid order closes, on time
        await("every unpaid order closed")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/stats")
                                .asOperator()
                                .send()
                                .json()
                                .path("orders")
                                .path("PENDING_PAYMENT")
                                .asLong()
                        == 0);

        Histogram lagMillis = new Histogram(3);
        for (String id : expectTimeout) {
            JsonNode order = shop.orderAsOperator(id);
            assertThat(order.path("closeReason").asText())
                    .as("close reason of %s", id)
                    .isEqualTo("PAYMENT_TIMEOUT");
            long lag = Duration.between(
                            Instant.parse(order.path("payDeadline").asText()),
                            Instant.parse(order.path("closedAt").asText()))
                    .toMillis();
            assertThat(lag).as("%s closed %d ms after its deadline", id, lag).isGreaterThanOrEqualTo(0);
            lagMillis.recordValue(lag);
        }
        System.out.printf(
                "close lag over %d orders: p50 %d ms, p99 %d ms, max %d ms%n",
                lagMillis.getTotalCount(),
                lagMillis.getValueAtPercentile(50),
                lagMillis.getValueAtPercentile(99),
                lagMillis.getMaxValue());
        assertThat(lagMillis.getValueAtPercentile(99)).as("close lag p99 in ms").isLessThan(200);

        cancelled.forEach(
                id -> assertThat(shop.orderAsOperator(id).path("closeReason").asText())
                        .isEqualTo("USER_CANCELLED"));
        paid.forEach(id ->
                assertThat(shop.orderAsOperator(id).path("status").asText()).isEqualTo("PAID"));

        Map<String, Long> closedEvents = new HashMap<>();
        jdbc.query("SELECT order_id, COUNT(*) FROM order_events WHERE type = 'order.closed' GROUP BY order_id", row -> {
            closedEvents.put(OrderId.format(row.getLong(1)), row.getLong(2));
        });
        expectTimeout.forEach(id -> assertThat(closedEvents.get(id))
                .as("order.closed events of %s", id)
                .isEqualTo(1L));
        cancelled.forEach(id -> assertThat(closedEvents.get(id))
                .as("order.closed events of %s", id)
                .isEqualTo(1L));
        paid.forEach(id -> assertThat(closedEvents).as("a paid order closed").doesNotContainKey(id));

        StockLedger.assertConserved(jdbc);
    }
}
