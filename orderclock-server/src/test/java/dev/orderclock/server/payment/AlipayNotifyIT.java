package dev.orderclock.server.payment;

import dev.orderclock.channels.keys.RsaKeys;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.server.testing.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad input of issue 8 at {@code POST /api/payments/alipay/notify}: each answers exactly
 * {@code fail} and changes nothing; closed and finished trades, and repeats, answer {@code success}.
 */
@RunningServer
class AlipayNotifyIT {

    @LocalServerPort
    int port;

    @Value("${orderclock.sim.alipay.platform-private-key}")
    String platformKey;

    @Value("${orderclock.channels.alipay.app-id}")
    String appId;

    @Value("${orderclock.channels.alipay.seller-id}")
    String sellerId;

    Api api;
    Shop shop;
    String user;
    String orderId;
    String tradeNo;

    @BeforeEach
    void anOrderWithAnOpenTrade() {
        api = new Api(port);
        shop = new Shop(api);
        user = Shop.newUser();
        orderId = shop.pendingOrder(user, shop.product(10), 2).path("id").asText();
        tradeNo = api.post("/api/orders/" + orderId + "/pay").as(user).send().text("tradeNo");
    }

    @Test
    void aGenuineNotificationPaysTheOrderAndItsRepeatChangesNothing() {
        String body = AlipayNotificationForm.paid(appId, tradeNo, "19.98")
                .with("seller_id", sellerId)
                .signedWith(platformKey);

        Reply first = notify(body);
        JsonNode paid = shop.orderAsOperator(orderId);
        Reply again = notify(body);

        assertThat(first.body()).isEqualTo("success");
        assertThat(first.contentType()).startsWith("text/plain");
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(again.body()).isEqualTo("success");
        assertThat(shop.orderAsOperator(orderId)).isEqualTo(paid);
    }

    @Test
    void anUnsignedNotificationFails() {
        assertFailsAndChangesNothing(AlipayNotificationForm.paid(appId, tradeNo, "19.98")
                .with("seller_id", sellerId)
                .unsigned());
    }

    @Test
    void aNotificationSignedWithAnotherKeyFails() {
        String otherKey = RsaKeys.encode(RsaKeys.generate().getPrivate());
        assertFailsAndChangesNothing(AlipayNotificationForm.paid(appId, tradeNo, "19.98")
                .with("seller_id", sellerId)
                .signedWith(otherKey));
    }

    @Test
    void aNotificationTamperedAfterSigningFails() {
        String body = AlipayNotificationForm.paid(appId, tradeNo, "19.98")
                .with("seller_id", sellerId)
                .signedWith(platformKey)
                .replace("total_amount=19.98", "total_amount=0.01");
        assertFailsAndChangesNothing(body);
    }

    @Test
    void aNotificationForAnotherAppFails() {
        assertFailsAndChangesNothing(AlipayNotificationForm.paid("2021000000000099", tradeNo, "19.98")
                .with("seller_id", sellerId)
                .signedWith(platformKey));
    }

    @Test
    void aNotificationForAnotherSellerOrWithoutOneFails() {
        assertFailsAndChangesNothing(AlipayNotificationForm.paid(appId, tradeNo, "19.98")
                .with("seller_id", "2088000000000001")
                .signedWith(platformKey));
        assertFailsAndChangesNothing(
                AlipayNotificationForm.paid(appId, tradeNo, "19.98").signedWith(platformKey));
    }

    @Test
    void aNotificationInAnotherCurrencyFails() {
        assertFailsAndChangesNothing(AlipayNotificationForm.paid(appId, tradeNo, "19.98")
                .with("seller_id", sellerId)
                .with("trans_currency", "USD")
                .signedWith(platformKey));
    }

    @Test
    void aNotificationWithAnotherAmountFails() {
        assertFailsAndChangesNothing(AlipayNotificationForm.paid(appId, tradeNo, "0.01")
                .with("seller_id", sellerId)
                .signedWith(platformKey));
    }

    @Test
    void aNotificationForAnUnknownTradeOrOrderFails() {
        assertFailsAndChangesNothing(AlipayNotificationForm.paid(appId, tradeNo + "9", "19.98")
                .with("seller_id", sellerId)
                .signedWith(platformKey));
        assertFailsAndChangesNothing(AlipayNotificationForm.paid(appId, "ORD-0000000000-1", "19.98")
                .with("seller_id", sellerId)
                .signedWith(platformKey));
    }

    @Test
    void malformedBodiesFail() {
        assertFailsAndChangesNothing("");
        assertFailsAndChangesNothing("%%%not a form");
        assertFailsAndChangesNothing(AlipayNotificationForm.paid(appId, tradeNo, "19.98")
                .with("seller_id", sellerId)
                .with("total_amount", "a lot")
                .signedWith(platformKey));
    }

    @Test
    void closedAndFinishedTradesAreAcknowledgedAndNeverReadAsPayments() {
        for (String status : new String[] {"TRADE_CLOSED", "TRADE_FINISHED"}) {
            Reply reply = notify(AlipayNotificationForm.paid(appId, tradeNo, "19.98")
                    .with("seller_id", sellerId)
                    .with("trade_status", status)
                    .signedWith(platformKey));

            assertThat(reply.body()).as(status).isEqualTo("success");
            assertThat(shop.orderAsOperator(orderId).path("status").asText()).isEqualTo("PENDING_PAYMENT");
        }
    }

    @Test
    void anOldNotificationReplayedAfterTheOrderMovedOnChangesNothing() {
        String body = AlipayNotificationForm.paid(appId, tradeNo, "19.98")
                .with("seller_id", sellerId)
                .signedWith(platformKey);
        notify(body);
        api.post("/api/orders/" + orderId + "/ship").asOperator().send();
        JsonNode shipped = shop.orderAsOperator(orderId);

        Reply replay = notify(body);

        assertThat(replay.body()).isEqualTo("success");
        assertThat(shop.orderAsOperator(orderId)).isEqualTo(shipped);
    }

    private void assertFailsAndChangesNothing(String body) {
        JsonNode before = shop.orderAsOperator(orderId);

        Reply reply = notify(body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("fail");
        assertThat(shop.orderAsOperator(orderId)).isEqualTo(before);
    }

    private Reply notify(String form) {
        return api.post("/api/payments/alipay/notify")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .body(form)
                .send();
    }
}
