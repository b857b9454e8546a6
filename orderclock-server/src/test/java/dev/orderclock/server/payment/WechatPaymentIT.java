package dev.orderclock.server.payment;

import dev.orderclock.server.testing.Reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9 end to end, over HTTP with the simulator: paying with WeChat Pay, switching from Alipay to
 * WeChat Pay (the Alipay trade closed at Alipay first; a trade paid meanwhile makes the order paid and
 * opens nothing), money through both channels (one kept, the other refunded once), and WeChat Pay's
 * late money after time_expire refunded.
 */
@PaymentServer
class WechatPaymentIT extends SimulatedShop {

    @Test
    void aTradePaidWithWechatPayMakesTheOrderPaid() {
        String id = shop.pendingOrder(user, sku, 2).path("id").asText();
        Reply trade = pay(id, "wechat");

        Reply paid = api.post("/sim/trades/" + trade.text("tradeNo") + "/pay").send();

        assertThat(trade).hasStatus(201);
        assertThat(trade.text("channel")).isEqualTo("wechat");
        assertThat(trade.text("payUrl")).endsWith("/sim/trades/" + trade.text("tradeNo") + "/pay");
        assertThat(paid).hasStatus(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "PAID"::equals);
        assertThat(simStatus(trade.text("tradeNo"))).isEqualTo("SUCCESS");
        assertThat(new Outbox(dataSource).types(id)).containsExactly("order.created", "order.paid");
        assertThat(shop.available(sku)).isEqualTo(8);
    }

    @Test
    void aWechatTradeExpiresNoLaterThanTheOrdersDeadline() {
        JsonNode order = shop.pendingOrder(user, sku, 1);
        Reply trade = pay(order.path("id").asText(), "wechat");

        Instant deadline = Instant.parse(order.path("payDeadline").asText());
        Instant expires = Instant.parse(trade.text("expiresAt"));
        Instant atChannel = Instant.parse(
                api.get("/sim/trades/" + trade.text("tradeNo")).send().text("expiresAt"));

        assertThat(expires).isBeforeOrEqualTo(deadline);
        // time_expire is RFC 3339 to the second: the channel's expiry is the deadline's second.
        assertThat(atChannel).isBeforeOrEqualTo(deadline).isAfter(deadline.minusSeconds(1));
    }

    @Test
    void switchingToWechatPayClosesTheAlipayTradeAtAlipayBeforeTheWechatTradeOpens() {
        String id = shop.pendingOrder(user, sku, 1).path("id").asText();
        String alipayTrade = pay(id, "alipay").text("tradeNo");

        Reply wechat = pay(id, "wechat");
        Reply again = pay(id, "wechat");

        assertThat(wechat).hasStatus(201);
        assertThat(wechat.text("channel")).isEqualTo("wechat");
        assertThat(wechat.text("tradeNo")).isNotEqualTo(alipayTrade);
        assertThat(again.text("tradeNo")).isEqualTo(wechat.text("tradeNo"));
        assertThat(simStatus(alipayTrade)).isEqualTo("TRADE_CLOSED");
        assertThat(simStatus(wechat.text("tradeNo"))).isEqualTo("NOTPAY");
        assertThat(api.post("/sim/trades/" + alipayTrade + "/pay").send()).isProblem(409, "payment-refused");
        assertThat(status(id)).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void switchingAfterTheAlipayTradeWasPaidMakesTheOrderPaidAndOpensNoWechatTrade() {
        faults.set("\"notify-drop-rate\":1");
        String id = shop.pendingOrder(user, sku, 1).path("id").asText();
        String alipayTrade = pay(id, "alipay").text("tradeNo");
        assertThat(api.post("/sim/trades/" + alipayTrade + "/pay").send()).hasStatus(200);
        assertThat(status(id)).isEqualTo("PENDING_PAYMENT"); // its notification is lost

        Reply wechat = pay(id, "wechat");

        assertThat(wechat).isProblem(409, "wrong-order-status");
        assertThat(wechat.text("orderStatus")).isEqualTo("PAID");
        assertThat(status(id)).isEqualTo("PAID");
        assertThat(api.get("/sim/trades/" + alipayTrade.replaceAll("_1$", "_2")).send())
                .hasStatus(404);
        assertThat(new Outbox(dataSource).types(id)).containsExactly("order.created", "order.paid");
    }

    @Test
    void switchingWhileAlipayGivesNoClearAnswerChangesNothing() {
        String id = shop.pendingOrder(user, sku, 1).path("id").asText();
        String alipayTrade = pay(id, "alipay").text("tradeNo");
        faults.set("\"query-fail-rate\":1");

        Reply wechat = pay(id, "wechat");
        faults.set("\"query-fail-rate\":0");

        assertThat(wechat).isProblem(503, "unavailable");
        assertThat(simStatus(alipayTrade)).isEqualTo("WAIT_BUYER_PAY");
        assertThat(pay(id, "alipay").text("tradeNo")).isEqualTo(alipayTrade);
    }

    @Test
    void moneyThroughBothChannelsKeepsOnePaymentAndRefundsTheOtherOnce() {
        faults.set("\"accept-after-close\":true");
        String id = shop.pendingOrder(user, sku, 2).path("id").asText();
        String alipayTrade = pay(id, "alipay").text("tradeNo");
        String wechatTrade = pay(id, "wechat").text("tradeNo");

        // The buyer was already entering the password at Alipay: the misbehaving channel takes it.
        assertThat(api.post("/sim/trades/" + alipayTrade + "/pay").send()).hasStatus(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "PAID"::equals);
        assertThat(api.post("/sim/trades/" + wechatTrade + "/pay").send()).hasStatus(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> refundStatus(id), "REFUNDED"::equals);
        JsonNode order = shop.orderAsOperator(id);
        assertThat(order.path("status").asText()).isEqualTo("PAID");
        assertThat(order.path("refund").path("tradeNo").asText()).isEqualTo(wechatTrade);
        assertThat(order.path("refund").path("amount").asText()).isEqualTo("19.98");
        assertThat(refunded(alipayTrade)).isEqualTo("0.00");
        assertThat(refunded(wechatTrade)).isEqualTo("19.98");
        assertThat(simStatus(wechatTrade)).isEqualTo("REFUND");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> new Outbox(dataSource).types(id).size() == 3);
        assertThat(new Outbox(dataSource).types(id)).containsExactly("order.created", "order.paid", "order.refunded");
        assertThat(refunded(wechatTrade)).isEqualTo("19.98");
        assertThat(shop.available(sku)).isEqualTo(8);
    }

    @Test
    void aPaymentRacingTheCloseOfAnUnscannedAlipayTradeIsKeptAndTheWechatOneRefunded() {
        // Before the buyer scans, Alipay knows no trade and cannot close it: the buyer may still pay it.
        faults.set("\"unscanned-not-exist\":true");
        String id = shop.pendingOrder(user, sku, 1).path("id").asText();
        String alipayTrade = pay(id, "alipay").text("tradeNo");
        String wechatTrade = payWechat(id);

        assertThat(api.post("/sim/trades/" + alipayTrade + "/pay").send()).hasStatus(200);
        assertThat(api.post("/sim/trades/" + wechatTrade + "/pay").send()).hasStatus(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> refundStatus(id), "REFUNDED"::equals);
        JsonNode order = shop.orderAsOperator(id);
        assertThat(order.path("status").asText()).isEqualTo("PAID");
        String refundedTrade = order.path("refund").path("tradeNo").asText();
        String keptTrade = refundedTrade.equals(wechatTrade) ? alipayTrade : wechatTrade;
        assertThat(refunded(refundedTrade)).isEqualTo("9.99");
        assertThat(refunded(keptTrade)).isEqualTo("0.00");
        assertThat(new Outbox(dataSource).types(id)).containsExactly("order.created", "order.paid", "order.refunded");
    }

    @Test
    void lateWechatMoneyAfterTimeExpireIsRefunded() {
        faults.set("\"accept-after-close\":true");
        String id =
                shop.order(user, sku, 2, 2).text("id"); // 2 s: a trade opens only before the deadline's whole second
        String tradeNo = pay(id, "wechat").text("tradeNo");
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "CLOSED"::equals);

        assertThat(api.post("/sim/trades/" + tradeNo + "/pay").send()).hasStatus(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> refundStatus(id), "REFUNDED"::equals);
        JsonNode order = shop.orderAsOperator(id);
        assertThat(order.path("status").asText()).isEqualTo("CLOSED");
        assertThat(order.path("refund").path("tradeNo").asText()).isEqualTo(tradeNo);
        assertThat(refunded(tradeNo)).isEqualTo("19.98");
        assertThat(new Outbox(dataSource).types(id)).containsExactly("order.created", "order.closed", "order.refunded");
        assertThat(shop.available(sku)).isEqualTo(10);
    }

    @Test
    void aWechatPaymentWhoseNotificationsAreAllLostEndsPaidThroughQueryBeforeClose() {
        faults.set("\"notify-drop-rate\":1");
        String id = shop.order(user, sku, 1, 2).text("id");
        String tradeNo = pay(id, "wechat").text("tradeNo");

        assertThat(api.post("/sim/trades/" + tradeNo + "/pay").send()).hasStatus(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "PAID"::equals);
        assertThat(new Outbox(dataSource).types(id)).containsExactly("order.created", "order.paid");
    }

    @Test
    void statsCountPaymentsAndRefundsByChannel() {
        JsonNode before = statsCountedSince(Instant.now()).path("payments");
        String id = shop.pendingOrder(user, sku, 1).path("id").asText();
        String tradeNo = pay(id, "wechat").text("tradeNo");
        api.post("/sim/trades/" + tradeNo + "/pay").send();
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "PAID"::equals);

        JsonNode after = statsCountedSince(Instant.now()).path("payments");

        assertThat(after.path("wechat").path("paid").asLong())
                .isEqualTo(before.path("wechat").path("paid").asLong() + 1);
        assertThat(after.path("wechat").path("kept").asLong())
                .isEqualTo(before.path("wechat").path("kept").asLong() + 1);
        assertThat(after.path("alipay").has("refunded")).isTrue();
    }

    /** The stats once counted at or after {@code since}: counts are a snapshot kept up to a few seconds. */
    private JsonNode statsCountedSince(Instant since) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> api.get("/api/stats").asOperator().send().json(),
                        stats ->
                                !Instant.parse(stats.path("countedAt").asText()).isBefore(since));
    }

    private Reply pay(String id, String channel) {
        return api.post("/api/orders/" + id + "/pay")
                .as(user)
                .json("{\"channel\":\"" + channel + "\"}")
                .send();
    }

    private String payWechat(String id) {
        Reply reply = pay(id, "wechat");
        assertThat(reply).hasStatus(201);
        return reply.text("tradeNo");
    }

    private String simStatus(String tradeNo) {
        return api.get("/sim/trades/" + tradeNo).send().text("status");
    }

    private String refunded(String tradeNo) {
        return api.get("/sim/trades/" + tradeNo).send().text("refundedAmount");
    }
}
