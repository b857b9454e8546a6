package dev.orderclock.server.payment;

import dev.orderclock.server.testing.Reply;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding 5 end to end: the simulated channel holds the trade for another amount than the order's and
 * the buyer pays it. The order closes at its deadline as an unpaid one, its stock comes back, exactly
 * the money taken is refunded at the channel, and nothing keeps asking the channel about it.
 */
@PaymentServer
class MismatchedTradeIT extends SimulatedShop {

    @Autowired
    MeterRegistry meters;

    @AfterEach
    @Override
    void aWellBehavedChannelAgain() {
        faults.set("\"open-amount-offset\":0"); // reset leaves the offset as it is
        super.aWellBehavedChannelAgain();
    }

    @Test
    void aTradePaidWithAnotherAmountClosesTheOrderAtItsDeadlineAndIsRefundedWithoutRetrying() {
        faults.set("\"open-amount-offset\":10");
        JsonNode order = shop.order(user, sku, 2, 2).json();
        String id = order.path("id").asText();
        Reply opened = api.post("/api/orders/" + id + "/pay").as(user).send();
        assertThat(opened).hasStatus(201);
        String tradeNo = opened.text("tradeNo");

        assertThat(api.post("/sim/trades/" + tradeNo + "/pay").send()).hasStatus(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> refundStatus(id), "REFUNDED"::equals);
        JsonNode closed = shop.orderAsOperator(id);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closeReason").asText()).isEqualTo("PAYMENT_TIMEOUT");
        assertThat(Instant.parse(closed.path("closedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(order.path("payDeadline").asText()));
        assertThat(closed.path("refund").path("amount").asText()).isEqualTo("29.98");
        assertThat(api.get("/sim/trades/" + tradeNo).send().text("refundedAmount"))
                .isEqualTo("29.98");
        assertThat(shop.available(sku)).isEqualTo(10);
        // Refunded as soon as the channel's answer to its notification showed the other amount: maybe before the close.
        assertThat(new Outbox(dataSource).types(id))
                .containsExactlyInAnyOrder("order.created", "order.closed", "order.refunded");
        long queries = alipayQueries();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> alipayQueries() == queries);
    }

    @Test
    void theNotificationOfAMismatchedPaymentHasItRefundedAtOnceAndTheOrderCanStillBePaid() {
        faults.set("\"open-amount-offset\":10");
        String id = shop.pendingOrder(user, sku, 2).path("id").asText();
        String tradeNo = api.post("/api/orders/" + id + "/pay").as(user).send().text("tradeNo");
        assertThat(api.post("/sim/trades/" + tradeNo + "/pay").send()).hasStatus(200);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> new Outbox(dataSource).types(id).contains("order.refunded"));
        String pending = shop.orderAsOperator(id).path("status").asText();
        faults.set("\"open-amount-offset\":0");
        Reply again = api.post("/api/orders/" + id + "/pay").as(user).send();

        assertThat(pending).isEqualTo("PENDING_PAYMENT");
        assertThat(api.get("/sim/trades/" + tradeNo).send().text("refundedAmount"))
                .isEqualTo("29.98");
        assertThat(again).hasStatus(201);
        assertThat(again.text("tradeNo")).isNotEqualTo(tradeNo);
        assertThat(api.post("/sim/trades/" + again.text("tradeNo") + "/pay").send())
                .hasStatus(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> shop.orderAsOperator(id).path("status").asText(), "PAID"::equals);
        JsonNode paid = shop.orderAsOperator(id);
        assertThat(paid.path("refund").path("status").asText()).isEqualTo("REFUNDED");
        assertThat(paid.path("refund").path("tradeNo").asText()).isEqualTo(tradeNo);
        assertThat(shop.available(sku)).isEqualTo(8);
    }

    @Test
    void aTradeForAnotherAmountNobodyPaidClosesLikeAnyUnpaidOne() {
        faults.set("\"open-amount-offset\":0.01");
        JsonNode order =
                shop.order(user, sku, 1, 2).json(); // 2 s: a trade opens only before the deadline's whole second
        String id = order.path("id").asText();
        assertThat(api.post("/api/orders/" + id + "/pay").as(user).send()).hasStatus(201);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> shop.orderAsOperator(id).path("status").asText(), "CLOSED"::equals);

        assertThat(shop.orderAsOperator(id).path("refund").isMissingNode()
                        || shop.orderAsOperator(id).path("refund").isNull())
                .isTrue();
        assertThat(shop.available(sku)).isEqualTo(10);
    }

    private long alipayQueries() {
        return meters
                .find("orderclock.channel.calls")
                .tag("channel", "alipay")
                .tag("method", "alipay.trade.query")
                .timers()
                .stream()
                .mapToLong(Timer::count)
                .sum();
    }
}
