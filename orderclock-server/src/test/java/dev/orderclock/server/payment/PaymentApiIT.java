package dev.orderclock.server.payment;

import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.server.testing.Shop;
import dev.orderclock.server.testing.ShopperFixture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /pay}, {@code /ship}, {@code /confirm} and a cancel with an open trade, over HTTP with the simulator. */
@RunningServer
class PaymentApiIT extends ShopperFixture {

    @Test
    void payOpensATradeThatExpiresAtTheDeadlineAndAskingAgainAnswersTheSameTrade() {
        JsonNode order = shop.pendingOrder(user, sku, 2);
        String id = order.path("id").asText();

        Reply first = pay(id);
        Reply again = api.post("/api/orders/" + id + "/pay")
                .as(user)
                .json("{\"channel\":\"alipay\"}")
                .send();

        assertThat(first).hasStatus(201);
        assertThat(first.text("tradeNo")).isEqualTo(id.replace('-', '_') + "_1");
        assertThat(first.text("channel")).isEqualTo("alipay");
        assertThat(first.text("payUrl")).isNotBlank();
        // Alipay writes time_expire to the second: the trade expires at the deadline's second, never after it.
        Instant deadline = Instant.parse(order.path("payDeadline").asText());
        assertThat(Instant.parse(first.text("expiresAt"))).isEqualTo(deadline.truncatedTo(ChronoUnit.SECONDS));
        assertThat(api.get("/sim/trades/" + first.text("tradeNo")).send().text("expiresAt"))
                .isEqualTo(first.text("expiresAt"));
        assertThat(again).hasStatus(201);
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void aTradePaidAtTheChannelMakesTheOrderPaid() {
        String id = shop.pendingOrder(user, sku, 2).path("id").asText();
        String tradeNo = pay(id).text("tradeNo");

        assertThat(api.post("/sim/trades/" + tradeNo + "/pay").send()).hasStatus(200);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> shop.orderAsOperator(id).path("status").asText(), "PAID"::equals);
        assertThat(shop.orderAsOperator(id).path("refund").isNull()).isTrue();
    }

    @Test
    void payingAClosedOrAnotherShoppersOrderIsRefused() {
        String id = shop.pendingOrder(user, sku, 1).path("id").asText();
        api.post("/api/orders/" + id + "/cancel").as(user).send();

        assertThat(pay(id)).hasStatus(409);
        assertThat(api.post("/api/orders/" + id + "/pay").as(Shop.newUser()).send())
                .hasStatus(404);
        assertThat(api.post("/api/orders/ORD-0000000000/pay").as(user).send()).hasStatus(404);
    }

    @Test
    void anUnknownChannelOrABadBodyIsA400() {
        String id = shop.pendingOrder(user, sku, 1).path("id").asText();

        Reply unknown = api.post("/api/orders/" + id + "/pay")
                .as(user)
                .json("{\"channel\":\"paypal\"}")
                .send();
        Reply unknownField = api.post("/api/orders/" + id + "/pay")
                .as(user)
                .json("{\"chanel\":\"alipay\"}")
                .send();
        Reply notJson = api.post("/api/orders/" + id + "/pay")
                .as(user)
                .json("{\"channel\":")
                .send();

        assertThat(unknown).isProblem(400, "invalid-request");
        assertThat(unknown.text("detail")).contains("paypal");
        assertThat(shop.orderAsOperator(id).path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(unknownField).hasStatus(400);
        assertThat(notJson).hasStatus(400);
    }

    @Test
    void cancellingAnOrderWithAnOpenTradeClosesTheTradeAtTheChannelFirst() {
        String id = shop.pendingOrder(user, sku, 3).path("id").asText();
        String tradeNo = pay(id).text("tradeNo");

        Reply cancelled = api.post("/api/orders/" + id + "/cancel").as(user).send();

        assertThat(cancelled).hasStatus(200);
        assertThat(cancelled.text("closeReason")).isEqualTo("USER_CANCELLED");
        assertThat(api.post("/sim/trades/" + tradeNo + "/pay").send()).hasStatus(409);
        assertThat(shop.available(sku)).isEqualTo(10);
    }

    @Test
    void anOperatorShipsAPaidOrderAndItsOwnerConfirmsIt() {
        String id = paidOrder();

        Reply shopperShips = api.post("/api/orders/" + id + "/ship").as(user).send();
        Reply shipped = api.post("/api/orders/" + id + "/ship").asOperator().send();
        Reply shippedAgain =
                api.post("/api/orders/" + id + "/ship").asOperator().send();
        Reply strangerConfirms =
                api.post("/api/orders/" + id + "/confirm").as(Shop.newUser()).send();
        Reply confirmed = api.post("/api/orders/" + id + "/confirm").as(user).send();
        Reply confirmedAgain =
                api.post("/api/orders/" + id + "/confirm").as(user).send();

        assertThat(shopperShips).hasStatus(403);
        assertThat(shipped).hasStatus(200);
        assertThat(shipped.text("status")).isEqualTo("SHIPPED");
        assertThat(shipped.text("shippedAt")).isNotNull();
        assertThat(shippedAgain).hasStatus(409);
        assertThat(strangerConfirms).hasStatus(404);
        assertThat(confirmed).hasStatus(200);
        assertThat(confirmed.text("status")).isEqualTo("COMPLETED");
        assertThat(confirmedAgain).hasStatus(409);
    }

    @Test
    void onlyAPaidOrderShipsAndOnlyAShippedOneIsConfirmed() {
        String id = shop.pendingOrder(user, sku, 1).path("id").asText();

        assertThat(api.post("/api/orders/" + id + "/ship").asOperator().send()).hasStatus(409);
        assertThat(api.post("/api/orders/" + id + "/confirm").as(user).send()).hasStatus(409);
    }

    private String paidOrder() {
        String id = shop.pendingOrder(user, sku, 1).path("id").asText();
        api.post("/sim/trades/" + pay(id).text("tradeNo") + "/pay").send();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> shop.orderAsOperator(id).path("status").asText(), "PAID"::equals);
        return id;
    }

    private Reply pay(String id) {
        return api.post("/api/orders/" + id + "/pay").as(user).send();
    }
}
