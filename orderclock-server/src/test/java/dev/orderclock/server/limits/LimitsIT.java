package dev.orderclock.server.limits;

import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.server.testing.Shop;
import dev.orderclock.server.testing.ShopperFixture;
import dev.orderclock.testing.Race;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shop's limits with their defaults, on the real server: 10 unpaid orders and 200 units per
 * shopper, 100 units a line, 24 hours to pay, 30 orders and 30 pays a minute per shopper.
 */
@RunningServer
@TestPropertySource(properties = "orderclock.limits.enabled=true")
class LimitsIT extends ShopperFixture {

    @Override
    protected int stock() {
        return 1000;
    }

    @Test
    void theEleventhUnpaidOrderOfAShopperIsRefusedNamingTheLimitAndReservesNothing() {
        // given
        holdsTenOrders(user);
        // when
        Reply eleventh = shop.order(user, sku, 1, 1800);
        // then
        assertThat(eleventh).isProblem(409, "holding-limit-reached");
        assertThat(eleventh.json().path("limit").asText()).isEqualTo("max-pending-orders-per-shopper");
        assertThat(eleventh.json().path("max").asLong()).isEqualTo(10);
        assertThat(shop.available(sku)).isEqualTo(990);
        assertThat(pendingOrdersOf(user)).isEqualTo(10);
        // and another shopper is not held back
        assertThat(shop.order(Shop.newUser(), sku, 1, 1800)).hasStatus(201);
    }

    @Test
    void anOperatorPlacingAnOrderForAShopperMeetsThatShoppersLimit() {
        // given
        holdsTenOrders(user);
        // when
        Reply forTheShopper = api.post("/api/orders")
                .asOperator()
                .header("X-User-Id", user)
                .json(order(1, 1800))
                .send();
        // then
        assertThat(forTheShopper).isProblem(409, "holding-limit-reached");
        assertThat(shop.available(sku)).isEqualTo(990);
    }

    @Test
    void unitsBeyondWhatAShopperMayHoldAreRefusedAndReserveNothing() {
        // given: 200 units held in two orders
        assertThat(shop.order(user, sku, 100, 1800)).hasStatus(201);
        assertThat(shop.order(user, sku, 100, 1800)).hasStatus(201);
        // when
        Reply more = shop.order(user, sku, 1, 1800);
        // then
        assertThat(more).isProblem(409, "holding-limit-reached");
        assertThat(more.json().path("limit").asText()).isEqualTo("max-pending-units-per-shopper");
        assertThat(more.json().path("max").asLong()).isEqualTo(200);
        assertThat(shop.available(sku)).isEqualTo(800);
    }

    @Test
    void aLineOverTheShopsLimitIsRefusedAsUnprocessableAndReservesNothing() {
        Reply bulk = shop.order(user, sku, 101, 1800);

        assertThat(bulk).isProblem(422, "over-shop-limit");
        assertThat(bulk.json().path("limit").asText()).isEqualTo("max-units-per-line");
        assertThat(bulk.json().path("max").asLong()).isEqualTo(100);
        assertThat(bulk.json().path("sku").asText()).isEqualTo(sku);
        assertThat(shop.available(sku)).isEqualTo(1000);
        assertThat(pendingOrdersOf(user)).isZero();
    }

    @Test
    void aTimeToPayOverTheShopsLimitIsRefusedAsUnprocessableAndReservesNothing() {
        Reply week = shop.order(user, sku, 1, 86_401);

        assertThat(week).isProblem(422, "over-shop-limit");
        assertThat(week.json().path("limit").asText()).isEqualTo("max-pay-timeout");
        assertThat(week.json().path("max").asLong()).isEqualTo(86_400);
        assertThat(shop.available(sku)).isEqualTo(1000);
        assertThat(shop.order(user, sku, 1, 86_400)).hasStatus(201);
    }

    @Test
    void aCancelledOrderNoLongerCounts() {
        // given
        List<String> ids = holdsTenOrders(user);
        // when
        assertThat(api.post("/api/orders/" + ids.get(0) + "/cancel").as(user).send())
                .hasStatus(200);
        // then
        assertThat(shop.order(user, sku, 1, 1800)).hasStatus(201);
        assertThat(shop.order(user, sku, 1, 1800)).isProblem(409, "holding-limit-reached");
    }

    @Test
    void ordersClosedAtTheirDeadlineNoLongerCount() {
        // given: ten orders with a second to pay
        for (int i = 0; i < 10; i++) {
            assertThat(shop.order(user, sku, 1, 1)).hasStatus(201);
        }
        // when they close by themselves
        await().atMost(Duration.ofSeconds(15)).until(() -> pendingOrdersOf(user) == 0);
        // then
        assertThat(shop.order(user, sku, 1, 1800)).hasStatus(201);
    }

    @Test
    void twentyConcurrentOrdersOfOneShopperPlaceExactlyTheLimitAndConserveStock() {
        // given
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            racers.add(() -> shop.order(user, sku, 2, 1800).status());
        }
        // when
        List<Integer> statuses = Race.runTogether(20, racers);
        // then
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(10);
        assertThat(pendingOrdersOf(user)).isEqualTo(10);
        assertThat(shop.available(sku)).isEqualTo(980);
    }

    @Test
    void theThirtyFirstOrderRequestOfAShopperInAMinuteIsRefusedWithRetryAfter() {
        // given: 30 requests, of which 10 placed orders and 20 met the holding limit
        for (int i = 0; i < 30; i++) {
            assertThat(shop.order(user, sku, 1, 1800).status()).isIn(201, 409);
        }
        // when
        Reply thirtyFirst = shop.order(user, sku, 1, 1800);
        // then
        assertThat(thirtyFirst).isProblem(429, "rate-limited");
        assertThat(thirtyFirst.json().path("limit").asText()).isEqualTo("rate.orders-per-minute");
        assertThat(thirtyFirst.json().path("max").asLong()).isEqualTo(30);
        assertThat(Long.parseLong(
                        thirtyFirst.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);
        assertThat(shop.available(sku)).isEqualTo(990);
        // and another shopper still may
        assertThat(shop.order(Shop.newUser(), sku, 1, 1800)).hasStatus(201);
    }

    @Test
    void theThirtyFirstPayRequestOfAShopperInAMinuteIsRefusedWithRetryAfter() {
        // given
        String id = shop.pendingOrder(user, sku, 1).path("id").asText();
        for (int i = 0; i < 30; i++) {
            assertThat(api.post("/api/orders/" + id + "/pay").as(user).send()).hasStatus(201);
        }
        // when
        Reply thirtyFirst = api.post("/api/orders/" + id + "/pay").as(user).send();
        // then
        assertThat(thirtyFirst).isProblem(429, "rate-limited");
        assertThat(thirtyFirst.json().path("limit").asText()).isEqualTo("rate.pays-per-minute");
        assertThat(thirtyFirst.headers().firstValue("Retry-After").orElseThrow())
                .matches("[1-9][0-9]?");
    }

    @Test
    void operatorsAreNotRateLimited() {
        for (int i = 0; i < 35; i++) {
            Reply reply = api.post("/api/orders")
                    .asOperator()
                    .header("X-User-Id", Shop.newUser())
                    .json(order(1, 1800))
                    .send();
            assertThat(reply).hasStatus(201);
        }
        assertThat(shop.available(sku)).isEqualTo(965);
    }

    private List<String> holdsTenOrders(String shopper) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Reply reply = shop.order(shopper, sku, 1, 1800);
            assertThat(reply).hasStatus(201);
            ids.add(reply.text("id"));
        }
        return ids;
    }

    private int pendingOrdersOf(String shopper) {
        JsonNode page = api.get("/api/orders?status=PENDING_PAYMENT&limit=500")
                .as(shopper)
                .send()
                .json();
        return page.path("orders").size();
    }

    private String order(int quantity, int payTimeoutSeconds) {
        return """
                {"items":[{"sku":"%s","quantity":%d}],"payTimeoutSeconds":%d}""".formatted(sku, quantity, payTimeoutSeconds);
    }
}
