package dev.orderclock.server.events;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.server.testing.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RunningServer
class EventStreamIT {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void streamsAnOrderFromCreatedToClosedAsApiMdEvents() throws Exception {
        try (SseClient stream = SseClient.open(port)) {
            await().atMost(Duration.ofSeconds(10)).until(stream::isOpen);

            String id = shop.order(Shop.newUser(), shop.product(5), 1, 1).text("id");

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> typesOf(stream, id).contains("order.closed"));
            assertThat(typesOf(stream, id)).containsExactly("order.created", "order.closed");
            SseClient.Event closed = eventsOf(stream, id).get(1);
            JsonNode body = JSON.readTree(closed.data());
            assertThat(body.path("type").asText()).isEqualTo("order.closed");
            assertThat(body.path("orderId").asText()).isEqualTo(id);
            assertThat(body.path("eventId").asText()).hasSize(36);
            assertThat(body.path("occurredAt").asText()).endsWith("Z");
            assertThat(body.path("order").path("status").asText()).isEqualTo("CLOSED");
            assertThat(Long.parseLong(closed.id()))
                    .isGreaterThan(Long.parseLong(eventsOf(stream, id).get(0).id()));
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissed() {
        String sku = shop.product(5);
        String user = Shop.newUser();
        String first = shop.order(user, sku, 1, 600).text("id");
        String lastSeen;
        try (SseClient stream = SseClient.open(port)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !eventsOf(stream, first).isEmpty());
            lastSeen = eventsOf(stream, first).get(0).id();
        }

        String missed = shop.order(user, sku, 1, 600).text("id");

        try (SseClient stream = SseClient.resume(port, lastSeen)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !eventsOf(stream, missed).isEmpty());
            assertThat(eventsOf(stream, first)).isEmpty();
            assertThat(typesOf(stream, missed)).containsExactly("order.created");
        }
    }

    @Test
    void onlyAnOperatorMayListen() {
        assertThat(api.get("/api/events").send()).hasStatus(401);
        assertThat(api.get("/api/events")
                        .header("Authorization", "Bearer not-the-token")
                        .send())
                .hasStatus(401);
        assertThat(api.get("/api/events").as("u-1").send()).hasStatus(403);
    }

    private static List<SseClient.Event> eventsOf(SseClient stream, String orderId) {
        return stream.events().stream()
                .filter(e -> e.data().contains("\"orderId\":\"" + orderId + "\""))
                .toList();
    }

    private static List<String> typesOf(SseClient stream, String orderId) {
        return eventsOf(stream, orderId).stream().map(SseClient.Event::type).toList();
    }
}
