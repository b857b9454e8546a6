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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the dashboard reads besides {@code /api/stats}: the close timeline and the nearest deadlines. */
@RunningServer
class DashboardStatsIT {

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
    void theNextDeadlinesAreThePendingOrdersDueFirstInDeadlineOrder() {
        String sku = shop.product(10);
        String user = Shop.newUser();
        String late = shop.order(user, sku, 1, 900).text("id");
        String soon = shop.order(user, sku, 1, 600).text("id");

        JsonNode deadlines = operator("/api/stats/next-deadlines?limit=100").path("deadlines");

        List<String> ids = new ArrayList<>();
        List<Instant> dues = new ArrayList<>();
        deadlines.forEach(d -> {
            ids.add(d.path("orderId").asText());
            dues.add(Instant.parse(d.path("payDeadline").asText()));
        });
        assertThat(ids).contains(soon, late);
        assertThat(ids.indexOf(soon)).isLessThan(ids.indexOf(late));
        assertThat(dues).isSorted();
    }

    @Test
    void theTimelineCountsTimeoutsClosedSecondBySecond() {
        String id = shop.order(Shop.newUser(), shop.product(5), 1, 1).text("id");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> shop.orderAsOperator(id).path("status").asText(), "CLOSED"::equals);

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            long closed = 0;
            for (JsonNode second : operator("/api/stats/closes?seconds=30").path("seconds")) {
                closed += second.path("closed").asLong();
            }
            return closed >= 1;
        });
        JsonNode seconds = operator("/api/stats/closes?seconds=3").path("seconds");
        assertThat(seconds.size()).isBetween(1, 3);
        assertThat(seconds.get(0).path("at").asText()).endsWith("Z");
    }

    @Test
    void statsSayWhenTheOrdersWereCounted() {
        assertThat(Instant.parse(operator("/api/stats").path("countedAt").asText()))
                .isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void outOfRangeParametersAreRefusedAndShoppersAreNotLetIn() {
        assertThat(api.get("/api/stats/closes?seconds=0").asOperator().send()).isProblem(400);
        assertThat(api.get("/api/stats/next-deadlines?limit=101").asOperator().send())
                .isProblem(400);
        assertThat(api.get("/api/stats/next-deadlines").as("u-1").send()).isProblem(403);
        assertThat(api.get("/api/stats/closes").send()).isProblem(401);
    }

    private JsonNode operator(String path) {
        Reply reply = api.get(path).asOperator().send();
        assertThat(reply).hasStatus(200);
        return reply.json();
    }
}
