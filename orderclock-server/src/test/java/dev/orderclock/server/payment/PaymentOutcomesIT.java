package dev.orderclock.server.payment;

import dev.orderclock.server.testing.Reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hard cases of issue 8 end to end, over HTTP with the simulator: a lost notification repaired by
 * query-before-close, a channel down or ambiguous at the deadline, late money refunded once though
 * the refund fails at first, and auto-confirm.
 */
@PaymentServer
class PaymentOutcomesIT extends SimulatedShop {

    @Test
    void aPaymentWhoseNotificationsAreAllLostEndsPaidThroughQueryBeforeClose() throws Exception {
        faults.set("\"notify-drop-rate\":1");
        JsonNode order = shop.order(user, sku, 2, 3).json();
        String id = order.path("id").asText();
        String tradeNo = pay(id);

        Reply paid = at(
                Instant.parse(order.path("payDeadline").asText()).minusSeconds(1),
                () -> api.post("/sim/trades/" + tradeNo + "/pay").send());
        String beforeDeadline = status(id);

        assertThat(paid).hasStatus(200);
        assertThat(beforeDeadline).isEqualTo("PENDING_PAYMENT");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "PAID"::equals);
        assertThat(new Outbox(dataSource).types(id)).containsExactly("order.created", "order.paid");
        assertThat(shop.available(sku)).isEqualTo(8);
    }

    @Test
    void aChannelDownOrAmbiguousAtTheDeadlineKeepsTheOrderPendingUntilItAnswersClearly() throws Exception {
        faults.set("\"query-fail-rate\":1,\"unscanned-not-exist\":true");
        JsonNode order =
                shop.order(user, sku, 1, 2).json(); // 2 s: a trade opens only before the deadline's whole second
        String id = order.path("id").asText();
        pay(id);
        Instant deadline = Instant.parse(order.path("payDeadline").asText());

        // Pending all along, from before the deadline to two seconds past it, while no query answers.
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6))
                .until(() -> status(id), "PENDING_PAYMENT"::equals);
        String whileDown = status(id);
        Instant recovered = Instant.now();
        faults.set("\"query-fail-rate\":0");

        assertThat(whileDown).isEqualTo("PENDING_PAYMENT");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "CLOSED"::equals);
        JsonNode closed = shop.orderAsOperator(id);
        assertThat(closed.path("closeReason").asText()).isEqualTo("PAYMENT_TIMEOUT");
        assertThat(Instant.parse(closed.path("closedAt").asText())).isAfterOrEqualTo(recovered);
        assertThat(shop.available(sku)).isEqualTo(10);
    }

    @Test
    void moneyAfterTheCloseIsRefundedOnceEvenWhenTheRefundFailsAtFirst() throws Exception {
        faults.set("\"accept-after-close\":true,\"refund-fail-rate\":1");
        String id =
                shop.order(user, sku, 2, 2).text("id"); // 2 s: a trade opens only before the deadline's whole second
        String tradeNo = pay(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "CLOSED"::equals);

        assertThat(api.post("/sim/trades/" + tradeNo + "/pay").send()).hasStatus(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> refundStatus(id), "REFUND_PENDING"::equals);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> refundStatus(id), "REFUND_PENDING"::equals);
        faults.set("\"refund-fail-rate\":0");

        await().atMost(Duration.ofSeconds(10)).until(() -> refundStatus(id), "REFUNDED"::equals);
        JsonNode order = shop.orderAsOperator(id);
        assertThat(order.path("status").asText()).isEqualTo("CLOSED");
        assertThat(order.path("refund").path("amount").asText()).isEqualTo("19.98");
        assertThat(order.path("refund").path("tradeNo").asText()).isEqualTo(tradeNo);
        assertThat(api.get("/sim/trades/" + tradeNo).send().text("refundedAmount"))
                .isEqualTo("19.98");
        assertThat(new Outbox(dataSource).types(id)).containsExactly("order.created", "order.closed", "order.refunded");
        JsonNode refunded = new ObjectMapper().readTree(new Outbox(dataSource).payload(id, "order.refunded"));
        assertThat(refunded.path("order").path("refund")).isEqualTo(order.path("refund"));
        assertThat(shop.available(sku)).isEqualTo(10);
    }

    @Test
    void aShippedOrderCompletesByItselfWhenTheConfirmPeriodPasses() {
        String id = shop.pendingOrder(user, sku, 1).path("id").asText();
        assertThat(api.post("/sim/trades/" + pay(id) + "/pay").send()).hasStatus(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "PAID"::equals);

        Reply shipped = api.post("/api/orders/" + id + "/ship").asOperator().send();

        assertThat(shipped).hasStatus(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "COMPLETED"::equals);
        JsonNode completed = shop.orderAsOperator(id);
        assertThat(Instant.parse(completed.path("completedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(shipped.text("shippedAt")).plusSeconds(2));
        assertThat(new Outbox(dataSource).types(id))
                .containsExactly("order.created", "order.paid", "order.shipped", "order.completed");
    }

    private String pay(String id) {
        Reply reply = api.post("/api/orders/" + id + "/pay").as(user).send();
        assertThat(reply).hasStatus(201);
        return reply.text("tradeNo");
    }

    /** Runs the call at the given moment of the real clock, without sleeping in the test thread. */
    static <T> T at(Instant when, java.util.concurrent.Callable<T> call) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            long delay = Math.max(0, Duration.between(Instant.now(), when).toMillis());
            return timer.schedule(call, delay, TimeUnit.MILLISECONDS).get();
        } finally {
            timer.shutdownNow();
        }
    }
}
