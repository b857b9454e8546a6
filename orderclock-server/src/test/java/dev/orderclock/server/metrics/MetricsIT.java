package dev.orderclock.server.metrics;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.server.testing.Shop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator's Prometheus scrapes from {@code /actuator/prometheus} once the shop has done some work. */
@RunningServer
class MetricsIT {

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
    void afterClosingOrdersPrometheusShowsTheEngineChannelAndPlatformSeriesWithPlausibleValues() {
        // given orders that time out, one that its shopper cancels and one with a trade opened at the channel
        String sku = shop.product(100);
        String user = Shop.newUser();
        List<String> timingOut = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            timingOut.add(shop.order(user, sku, 1, 1).text("id"));
        }
        String cancelled = shop.order(user, sku, 1, 600).text("id");
        assertThat(api.post("/api/orders/" + cancelled + "/cancel").as(user).send())
                .hasStatus(200);
        String paying = shop.order(user, sku, 1, 600).text("id");
        assertThat(api.post("/api/orders/" + paying + "/pay").as(user).send()).hasStatus(201);

        // when they have closed
        await().atMost(Duration.ofSeconds(15))
                .until(() -> timingOut.stream()
                        .allMatch(id -> "CLOSED"
                                .equals(shop.orderAsOperator(id).path("status").asText())));
        String metrics = api.get("/actuator/prometheus").asOperator().send().body();

        // then
        assertThat(value(metrics, "orderclock_close_lag_seconds_count", "")).isGreaterThanOrEqualTo(3);
        double meanLag = value(metrics, "orderclock_close_lag_seconds_sum", "")
                / value(metrics, "orderclock_close_lag_seconds_count", "");
        assertThat(meanLag).as("mean close lag in seconds").isBetween(0.0, 6.0);
        assertThat(metrics).contains("orderclock_close_lag_seconds_bucket{application=\"orderclock\",le=\"");
        assertThat(value(metrics, "orderclock_orders_closed_total", "reason=\"PAYMENT_TIMEOUT\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(value(metrics, "orderclock_orders_closed_total", "reason=\"USER_CANCELLED\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "orderclock_deadlines_in_memory", "")).isBetween(0.0, 1_000_000.0);
        assertThat(value(metrics, "orderclock_horizon_load_seconds_count", "source=\"payment-timeout\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "orderclock_sweeper_claimed_total", "source=\"payment-timeout\""))
                .isGreaterThanOrEqualTo(0);
        assertThat(value(
                        metrics,
                        "orderclock_channel_calls_seconds_count",
                        "channel=\"alipay\",method=\"alipay.trade.precreate\",outcome=\"success\""))
                .isGreaterThanOrEqualTo(1);
        // summed over the heap's pools: one of them (a survivor space just after a GC) may well hold nothing
        assertThat(sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"")).isPositive();
        assertThat(value(metrics, "hikaricp_connections_max", "")).isPositive();
        assertThat(value(metrics, "http_server_requests_seconds_count", "uri=\"/api/orders\""))
                .isPositive();
    }

    @Test
    void healthShowsTheDatabaseToTheOperator() {
        assertThat(api.get("/actuator/health")
                        .asOperator()
                        .send()
                        .json()
                        .path("components")
                        .path("db")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void healthShowsOnlyItsStatusToEveryoneElse() {
        Reply reply = api.get("/actuator/health").as("u-curious").send();

        assertThat(reply).hasStatus(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("UP");
        assertThat(reply.json().has("components")).isFalse();
    }

    @Test
    void prometheusOnTheServicePortWantsTheOperatorsToken() {
        assertThat(api.get("/actuator/prometheus").send()).isProblem(401);
        assertThat(api.get("/actuator/prometheus").as("u-curious").send()).isProblem(403);
        assertThat(api.get("/actuator/prometheus")
                        .header("Authorization", "Bearer wrong")
                        .send())
                .isProblem(401);
    }

    /** The sum of the samples of {@code name} whose labels contain {@code labels}. */
    private static double sum(String metrics, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$")
                .matcher(metrics);
        double total = 0;
        while (sample.find()) {
            if (sample.group(1).contains(labels)) {
                total += Double.parseDouble(sample.group(2));
            }
        }
        return total;
    }

    /** The value of the first sample of {@code name} whose labels contain {@code labels}. */
    private static double value(String metrics, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$")
                .matcher(metrics);
        while (sample.find()) {
            if (sample.group(1).contains(labels)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError("no sample " + name + "{" + labels + "} in /actuator/prometheus");
    }
}
