package dev.orderclock.server.order;

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

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RunningServer
class OrderApiIT {

    @LocalServerPort
    int port;

    Api api;
    Shop shop;
    String user;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
        user = Shop.newUser();
    }

    @Test
    void aShopperPlacesAnOrderThatReservesItsStock() {
        String sku = shop.product(100);

        Reply reply = shop.order(user, sku, 2, 1800);

        assertThat(reply).hasStatus(201);
        assertThat(shop.available(sku)).isEqualTo(98);
    }

    @Test
    void aNewOrderIsShownExactlyAsTheContractWritesIt() {
        String sku = shop.product(100);

        JsonNode order = shop.order(user, sku, 2, 1800).json();

        assertThat(order.path("id").asText()).matches("ORD-[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(order.path("userId").asText()).isEqualTo(user);
        assertThat(order.path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("amount").asText()).isEqualTo("19.98");
        assertThat(order.path("currency").asText()).isEqualTo("CNY");
        assertThat(order.path("items").toString())
                .isEqualTo("[{\"sku\":\"" + sku + "\",\"quantity\":2,\"unitPrice\":\"9.99\"}]");
        assertThat(order.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(order.fieldNames())
                .toIterable()
                .containsExactly(
                        "id",
                        "userId",
                        "status",
                        "closeReason",
                        "amount",
                        "currency",
                        "items",
                        "createdAt",
                        "payDeadline",
                        "paidAt",
                        "closedAt",
                        "shippedAt",
                        "completedAt",
                        "refund");
        for (String unset : new String[] {"closeReason", "paidAt", "closedAt", "shippedAt", "completedAt", "refund"}) {
            assertThat(order.path(unset).isNull()).as(unset).isTrue();
        }
    }

    @Test
    void thePayDeadlineIsCreationPlusTheTimeToPay() {
        JsonNode order = shop.order(user, shop.product(10), 1, 90).json();

        assertThat(Duration.between(instant(order, "createdAt"), instant(order, "payDeadline")))
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void anOrderWithoutATimeToPayGetsThirtyMinutes() {
        Reply reply = api.post("/api/orders")
                .as(user)
                .json("{\"items\":[{\"sku\":\"" + shop.product(10) + "\",\"quantity\":1}]}")
                .send();

        assertThat(Duration.between(instant(reply.json(), "createdAt"), instant(reply.json(), "payDeadline")))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anOperatorPlacesAnOrderForTheShopperItNames() {
        Reply reply = api.post("/api/orders")
                .asOperator()
                .as(user)
                .json("{\"items\":[{\"sku\":\"" + shop.product(10) + "\",\"quantity\":1}]}")
                .send();

        assertThat(reply.text("userId")).isEqualTo(user);
    }

    @Test
    void theOwnerReadsItsOrder() {
        JsonNode order = shop.pendingOrder(user, shop.product(10), 1);

        Reply reply =
                api.get("/api/orders/" + order.path("id").asText()).as(user).send();

        assertThat(reply.json()).isEqualTo(order);
    }

    @Test
    void anOperatorReadsAnyOrder() {
        JsonNode order = shop.pendingOrder(user, shop.product(10), 1);

        Reply reply =
                api.get("/api/orders/" + order.path("id").asText()).asOperator().send();

        assertThat(reply.json()).isEqualTo(order);
    }

    @Test
    void theOwnerCancelsAnUnpaidOrderAndTheStockComesBack() {
        String sku = shop.product(10);
        String id = shop.pendingOrder(user, sku, 3).path("id").asText();

        Reply reply = api.post("/api/orders/" + id + "/cancel").as(user).send();

        assertThat(reply).hasStatus(200);
        assertThat(reply.text("status")).isEqualTo("CLOSED");
        assertThat(reply.text("closeReason")).isEqualTo("USER_CANCELLED");
        assertThat(reply.text("closedAt")).isNotNull();
        assertThat(shop.available(sku)).isEqualTo(10);
    }

    @Test
    void anUnpaidOrderClosesByItselfWhenItsTimeToPayRunsOut() {
        String sku = shop.product(10);
        String id = shop.order(user, sku, 4, 1).text("id");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> shop.orderAsOperator(id).path("status").asText(), "CLOSED"::equals);

        JsonNode closed = shop.orderAsOperator(id);
        assertThat(closed.path("closeReason").asText()).isEqualTo("PAYMENT_TIMEOUT");
        assertThat(instant(closed, "closedAt")).isAfterOrEqualTo(instant(closed, "payDeadline"));
        assertThat(shop.available(sku)).isEqualTo(10);
    }

    private static Instant instant(JsonNode order, String field) {
        return Instant.parse(order.path(field).asText());
    }
}
