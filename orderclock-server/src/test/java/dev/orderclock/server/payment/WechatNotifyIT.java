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

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad input of issue 9 at {@code POST /api/payments/wechat/notify}: each answers its 4xx with
 * {@code {"code":"FAIL"}} and changes nothing; a genuine one answers 204, and so does its repeat.
 */
@RunningServer
class WechatNotifyIT {

    @LocalServerPort
    int port;

    @Value("${orderclock.sim.wechat.platform-private-key}")
    String platformKey;

    @Value("${orderclock.channels.wechat.mchid}")
    String mchid;

    @Value("${orderclock.channels.wechat.appid}")
    String appid;

    @Value("${orderclock.channels.wechat.api-v3-key}")
    String apiV3Key;

    @Value("${orderclock.channels.wechat.public-key-id}")
    String publicKeyId;

    Api api;
    Shop shop;
    String orderId;
    String tradeNo;

    @BeforeEach
    void anOrderWithAnOpenWechatTrade() {
        api = new Api(port);
        shop = new Shop(api);
        String user = Shop.newUser();
        orderId = shop.pendingOrder(user, shop.product(10), 2).path("id").asText();
        Reply trade = api.post("/api/orders/" + orderId + "/pay")
                .as(user)
                .json("{\"channel\":\"wechat\"}")
                .send();
        assertThat(trade).hasStatus(201);
        assertThat(trade.text("channel")).isEqualTo("wechat");
        tradeNo = trade.text("tradeNo");
    }

    @Test
    void aGenuineNotificationPaysTheOrderAndItsRepeatChangesNothing() {
        String body = genuine().body();
        Map<String, String> headers = genuine().headersFor(body, platformKey);

        Reply first = notify(body, headers);
        JsonNode paid = shop.orderAsOperator(orderId);
        Reply again = notify(body, genuine().headersFor(body, platformKey));

        assertThat(first).hasStatus(204);
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(again).hasStatus(204);
        assertThat(shop.orderAsOperator(orderId)).isEqualTo(paid);
    }

    @Test
    void aNotificationSignedWithAnotherKeyIsRefused401() {
        String body = genuine().body();
        assertFailsAndChangesNothing(
                401,
                body,
                genuine().headersFor(body, RsaKeys.encode(RsaKeys.generate().getPrivate())));
    }

    @Test
    void aNotificationTamperedAfterSigningIsRefused401() {
        String body = genuine().body();
        Map<String, String> headers = genuine().headersFor(body, platformKey);
        assertFailsAndChangesNothing(401, body.replace("TRANSACTION.SUCCESS", "TRANSACTION.SUCCESS "), headers);
    }

    @Test
    void aNotificationUnderAnotherSerialIsRefused401() {
        WechatNotification notification = genuine().serial("PUB_KEY_ID_0000000000000000000000000000000000");
        String body = notification.body();
        assertFailsAndChangesNothing(401, body, notification.headersFor(body, platformKey));
    }

    @Test
    void aNotificationSignedMoreThanFiveMinutesAgoIsRefused401() {
        WechatNotification notification = genuine().signedAt(Instant.now().minus(Duration.ofMinutes(6)));
        String body = notification.body();
        assertFailsAndChangesNothing(401, body, notification.headersFor(body, platformKey));
    }

    @Test
    void aNotificationWithoutSignatureHeadersIsRefused401() {
        assertFailsAndChangesNothing(401, genuine().body(), Map.of());
    }

    @Test
    void aResourceThatDoesNotDecryptIsRefused400() {
        WechatNotification notification = genuine().encryptedWith("0123456789abcdef0123456789abcdef");
        String body = notification.body();
        assertFailsAndChangesNothing(400, body, notification.headersFor(body, platformKey));
    }

    @Test
    void aNotificationForAnotherMerchantIsRefused400() {
        WechatNotification notification = genuine().with("mchid", "1900009999");
        String body = notification.body();
        assertFailsAndChangesNothing(400, body, notification.headersFor(body, platformKey));
    }

    @Test
    void aNotificationForAnotherAppIsRefused400() {
        WechatNotification notification = genuine().with("appid", "wx0000000000000000");
        String body = notification.body();
        assertFailsAndChangesNothing(400, body, notification.headersFor(body, platformKey));
    }

    @Test
    void aNotificationInAnotherCurrencyIsRefused400() {
        for (String field : new String[] {"currency", "payer_currency"}) {
            WechatNotification notification = genuine().withAmount(field, "USD");
            String body = notification.body();
            assertFailsAndChangesNothing(400, body, notification.headersFor(body, platformKey));
        }
    }

    @Test
    void aNotificationWithAnotherAmountIsRefused400() {
        WechatNotification notification = WechatNotification.paid(mchid, appid, tradeNo, 1)
                .encryptedWith(apiV3Key)
                .serial(publicKeyId);
        String body = notification.body();
        assertFailsAndChangesNothing(400, body, notification.headersFor(body, platformKey));
    }

    @Test
    void aNotificationForAnUnknownTradeIsRefused400() {
        WechatNotification notification = genuine().with("out_trade_no", tradeNo + "9");
        String body = notification.body();
        assertFailsAndChangesNothing(400, body, notification.headersFor(body, platformKey));
    }

    @Test
    void aSignedBodyThatIsNotANotificationIsRefused400() {
        String body = "{\"id\":\"x\",\"event_type\":\"TRANSACTION.SUCCESS\"}";
        assertFailsAndChangesNothing(400, body, genuine().headersFor(body, platformKey));
    }

    @Test
    void aTradeStateOtherThanSuccessIsAcknowledgedAndNeverReadAsAPayment() {
        WechatNotification notification = genuine().with("trade_state", "CLOSED");
        String body = notification.body();

        Reply reply = notify(body, notification.headersFor(body, platformKey));

        assertThat(reply).hasStatus(204);
        assertThat(shop.orderAsOperator(orderId).path("status").asText()).isEqualTo("PENDING_PAYMENT");
    }

    private WechatNotification genuine() {
        return WechatNotification.paid(mchid, appid, tradeNo, 1998)
                .encryptedWith(apiV3Key)
                .serial(publicKeyId);
    }

    private void assertFailsAndChangesNothing(int status, String body, Map<String, String> headers) {
        JsonNode before = shop.orderAsOperator(orderId);

        Reply reply = notify(body, headers);

        assertThat(reply).hasStatus(status);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().path("code").asText()).isEqualTo("FAIL");
        assertThat(reply.json().path("message").asText()).isNotBlank();
        assertThat(shop.orderAsOperator(orderId)).isEqualTo(before);
    }

    private Reply notify(String body, Map<String, String> headers) {
        Api.Request request = api.post("/api/payments/wechat/notify").header("Content-Type", "application/json");
        headers.forEach(request::header);
        return request.body(body).send();
    }
}
