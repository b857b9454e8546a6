package dev.orderclock.server.payment;

import dev.orderclock.server.OrderclockApplication;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Shop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 查单: a payment whose notifications are all lost is found by reconciliation long before the order's deadline. */
@SpringBootTest(
        classes = OrderclockApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:orderclock-${random.uuid};DB_CLOSE_DELAY=-1",
            "orderclock.admin-token=" + Api.OPERATOR_TOKEN,
            "orderclock.payments.reconcile-interval=300ms",
            "orderclock.payments.reconcile-age=1s",
            "orderclock.limits.enabled=false"
        })
class ReconciliationIT {

    @LocalServerPort
    int port;

    @AfterEach
    void aWellBehavedChannelAgain() {
        new SimFaults(new Api(port)).reset();
    }

    @Test
    void aLostNotificationIsRepairedByQueryingTheChannelWellBeforeTheDeadline() {
        Api api = new Api(port);
        Shop shop = new Shop(api);
        new SimFaults(api).set("\"notify-drop-rate\":1");
        String user = Shop.newUser();
        String id = shop.pendingOrder(user, shop.product(10), 1).path("id").asText();
        String tradeNo = api.post("/api/orders/" + id + "/pay").as(user).send().text("tradeNo");

        assertThat(api.post("/sim/trades/" + tradeNo + "/pay").send()).hasStatus(200);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> shop.orderAsOperator(id).path("status").asText(), "PAID"::equals);
        assertThat(shop.orderAsOperator(id).path("payDeadline").asText()).isNotNull();
    }
}
