package dev.orderclock.server.payment;

import dev.orderclock.payment.Checkout;
import dev.orderclock.server.limits.LimitsProperties;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The edges of {@code /pay} (finding 8 and 4): a clear 4xx for what asking again cannot change, never a 503. */
@PaymentServer
@TestPropertySource(properties = "orderclock.limits.enabled=true") // the attempt limit is one of the shop's limits
class PayEdgesIT {

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
    void inTheLastSecondBeforeTheDeadlinePayAnswersThatThePaymentWindowHasClosedAndOpensNothing() throws Exception {
        String sku = shop.product(100);
        String owner = Shop.newUser();
        JsonNode order = shop.order(owner, sku, 1, 2).json();
        while (Instant.parse(order.path("payDeadline").asText()).getNano() < 300_000_000) {
            // A deadline at least 300 ms past its whole second leaves room for the call to arrive before it;
            // each try is another shopper's, so that the shop's holding limits never refuse one.
            owner = Shop.newUser();
            order = shop.order(owner, sku, 1, 2).json();
        }
        String id = order.path("id").asText();
        String payer = owner;
        Instant deadline = Instant.parse(order.path("payDeadline").asText());

        Reply late = PaymentOutcomesIT.at(
                Checkout.lastOpening(deadline).plusMillis(50),
                () -> api.post("/api/orders/" + id + "/pay").as(payer).send());

        assertThat(late).isProblem(409, "payment-window-closed");
        assertThat(late.json().path("payDeadline").asText())
                .isEqualTo(order.path("payDeadline").asText());
        assertThat(api.get("/sim/trades/" + id.replace('-', '_') + "_1").send().status())
                .isEqualTo(404);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> shop.orderAsOperator(id).path("status").asText(), "CLOSED"::equals);
    }

    @Test
    void anAmountAboveEitherChannelsMaximumIsAFinalRefusalNotATryAgain() {
        String sku = "BIG-" + System.nanoTime();
        assertThat(api.post("/api/products")
                        .asOperator()
                        .json("""
                {"sku":"%s","name":"Gold bar","price":"2000000.00","stock":100}""".formatted(sku))
                        .send())
                .hasStatus(201);
        String id = shop.order(user, sku, 100, 1800).text("id"); // 200,000,000.00: above both channels' maximum

        Reply alipay = api.post("/api/orders/" + id + "/pay").as(user).send();
        Reply wechat = api.post("/api/orders/" + id + "/pay")
                .as(user)
                .json("{\"channel\":\"wechat\"}")
                .send();

        assertThat(alipay).isProblem(422, "channel-refused");
        assertThat(alipay.json().path("channel").asText()).isEqualTo("alipay");
        assertThat(wechat).isProblem(422, "channel-refused");
        assertThat(shop.orderAsOperator(id).path("status").asText()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void beyondTheAttemptsPerOrderPayAnswersTheLimitAndTheSameOpenAttemptIsNoNewOne() {
        String id = shop.pendingOrder(user, shop.product(10), 1).path("id").asText();
        List<String> trades = new ArrayList<>();
        for (int i = 0; i < LimitsProperties.DEFAULT_MAX_PAYMENT_ATTEMPTS_PER_ORDER; i++) {
            String channel = i % 2 == 0 ? "alipay" : "wechat";
            Reply first = api.post("/api/orders/" + id + "/pay")
                    .as(user)
                    .json("{\"channel\":\"" + channel + "\"}")
                    .send();
            Reply again = api.post("/api/orders/" + id + "/pay")
                    .as(user)
                    .json("{\"channel\":\"" + channel + "\"}")
                    .send();
            assertThat(first).hasStatus(201);
            assertThat(again.text("tradeNo")).isEqualTo(first.text("tradeNo"));
            trades.add(first.text("tradeNo"));
        }

        Reply over = api.post("/api/orders/" + id + "/pay")
                .as(user)
                .json("{\"channel\":\"alipay\"}")
                .send();
        Reply sameAgain = api.post("/api/orders/" + id + "/pay")
                .as(user)
                .json("{\"channel\":\"wechat\"}")
                .send();

        assertThat(trades).doesNotHaveDuplicates().hasSize(10);
        assertThat(over).isProblem(409, "payment-attempts-exceeded");
        assertThat(over.json().path("limit").asText()).isEqualTo("max-payment-attempts-per-order");
        assertThat(sameAgain).hasStatus(201);
        assertThat(sameAgain.text("tradeNo")).isEqualTo(trades.get(9));
        assertThat(api.get("/sim/trades/" + trades.get(9)).send().text("status"))
                .isEqualTo("NOTPAY");
    }
}
