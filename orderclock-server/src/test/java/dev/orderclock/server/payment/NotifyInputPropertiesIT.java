package dev.orderclock.server.payment;

import dev.orderclock.channels.keys.RsaKeys;
import dev.orderclock.channels.wechat.ApiV3Cipher;
import dev.orderclock.channels.wechat.WechatSignature;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.JsonValues;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.Shop;
import dev.orderclock.server.testing.StartedServer;
import dev.orderclock.server.testing.StoredState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both payment notification endpoints under generated input, on the real server with two open trades
 * per channel: Alipay forms (signed with the platform's key or not, fields of any value, bodies that
 * are no form) and WeChat Pay envelopes (signed and encrypted with the platform's keys or not, fields
 * of any type, random headers). Never a 5xx; a notification not accepted changes nothing.
 */
class NotifyInputPropertiesIT {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ALIPAY = "/api/payments/alipay/notify";
    private static final String WECHAT = "/api/payments/wechat/notify";

    private static StartedServer server;
    private static Api api;
    private static final List<String> alipayTrades = new ArrayList<>();
    private static final List<String> wechatTrades = new ArrayList<>();

    @BeforeContainer
    static void startWithOpenTrades() {
        server = StartedServer.start();
        api = new Api(server.port());
        Shop shop = new Shop(api);
        String sku = shop.product(100);
        for (int i = 0; i < 2; i++) {
            alipayTrades.add(openTrade(shop, sku, "alipay"));
            wechatTrades.add(openTrade(shop, sku, "wechat"));
        }
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Property(tries = 800, shrinking = ShrinkingMode.BOUNDED)
    void noAlipayNotificationGetsA5xxAndOneThatFailsChangesNothing(@ForAll("alipayBodies") String body) {
        StoredState before = server.state();

        Reply reply = api.post(ALIPAY)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .body(body)
                .send();

        Statistics.label("answer").collect(reply.status() + " " + reply.body());
        assertThat(reply.status()).as("%s -> %s", body, reply.body()).isEqualTo(200);
        assertThat(reply.body()).as(body).isIn("success", "fail");
        if (reply.body().equals("fail")) {
            assertThat(server.state()).as("state after failing %s", body).isEqualTo(before);
        }
    }

    @Property(tries = 800, shrinking = ShrinkingMode.BOUNDED)
    void noWechatNotificationGetsA5xxAndARefusedOneChangesNothing(
            @ForAll("wechatNotifications") Notification notification) {
        StoredState before = server.state();

        Api.Request request =
                api.post(WECHAT).header("Content-Type", "application/json").body(notification.body());
        notification.headers().forEach(request::header);
        Reply reply = request.send();

        Statistics.label("status").collect(reply.status());
        assertThat(reply.status()).as("%s -> %s", notification, reply.body()).isLessThan(500);
        if (reply.status() != 204) {
            assertThat(reply.status()).as(notification.toString()).isIn(400, 401);
            assertThat(reply.json().path("code").asText()).isEqualTo("FAIL");
            assertThat(server.state())
                    .as("state after refusing %s", notification)
                    .isEqualTo(before);
        }
    }

    /** A body and the headers it came with. */
    record Notification(String body, Map<String, String> headers) {}

    @Provide
    Arbitrary<String> alipayBodies() {
        String platformKey = server.property("orderclock.sim.alipay.platform-private-key");
        Arbitrary<AlipayNotificationForm> forms = Combinators.combine(
                        Arbitraries.oneOf(
                                Arbitraries.just(server.property("orderclock.channels.alipay.app-id")), word()),
                        tradeNumbers(alipayTrades),
                        amounts(),
                        Arbitraries.maps(
                                        Arbitraries.of(
                                                "trade_status",
                                                "seller_id",
                                                "charset",
                                                "notify_type",
                                                "gmt_payment",
                                                "receipt_amount",
                                                "buyer_id",
                                                "sign_type",
                                                "version",
                                                "notify_time",
                                                "extra"),
                                        text())
                                .ofMaxSize(4))
                .as((appId, tradeNo, amount, fields) -> {
                    AlipayNotificationForm form = AlipayNotificationForm.paid(appId, tradeNo, amount);
                    fields.forEach(form::with);
                    return form;
                });
        return Arbitraries.frequencyOf(
                Tuple.of(4, forms.map(form -> form.signedWith(platformKey))),
                Tuple.of(2, forms.map(AlipayNotificationForm::unsigned)),
                Tuple.of(1, forms.map(form -> form.signedWith(platformKey) + "&total_amount=0.01")),
                Tuple.of(1, forms.map(form -> form.signedWith(platformKey) + "&sign=" + "A".repeat(344))),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(1, Arbitraries.of("%", "a=%zz", "a=%E4%B8", "=&=&=", "sign=", "&&&", "a=1&a=2", "")));
    }

    @Provide
    Arbitrary<Notification> wechatNotifications() {
        String apiV3Key = server.property("orderclock.channels.wechat.api-v3-key");
        String platformKey = server.property("orderclock.sim.wechat.platform-private-key");
        String serial = server.property("orderclock.channels.wechat.public-key-id");
        Arbitrary<String> bodies = Arbitraries.frequencyOf(
                Tuple.of(5, envelopes(apiV3Key).map(JsonNode::toString)),
                Tuple.of(1, JsonValues.truncated(envelopes(apiV3Key))),
                Tuple.of(1, JsonValues.any(2).map(JsonNode::toString)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)));
        Arbitrary<Map<String, String>> randomHeaders = Arbitraries.maps(
                        Arbitraries.of(
                                "Wechatpay-Serial",
                                "Wechatpay-Timestamp",
                                "Wechatpay-Nonce",
                                "Wechatpay-Signature",
                                "Wechatpay-Signature-Type"),
                        Arbitraries.oneOf(
                                Arbitraries.strings()
                                        .withCharRange(' ', '~')
                                        .ofMaxLength(60)
                                        .map(String::strip),
                                Arbitraries.just(serial),
                                Arbitraries.longs().map(String::valueOf)))
                .ofMaxSize(5);
        return bodies.flatMap(body -> Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(new Notification(body, signed(body, platformKey, serial, Instant.now())))),
                Tuple.of(
                        1,
                        Arbitraries.longs()
                                .between(-10_000, 10_000)
                                .map(skew -> new Notification(
                                        body,
                                        signed(
                                                body,
                                                platformKey,
                                                serial,
                                                Instant.now().plusSeconds(skew))))),
                Tuple.of(2, randomHeaders.map(headers -> new Notification(body, headers)))));
    }

    /** An envelope as WeChat Pay sends it, each field right or of any value, its resource encrypted for real or not. */
    private Arbitrary<ObjectNode> envelopes(String apiV3Key) {
        Arbitrary<JsonNode> resources = Arbitraries.frequencyOf(
                Tuple.of(4, transactions().map(plain -> encrypted(apiV3Key, plain.toString()))),
                Tuple.of(1, JsonValues.any(2).map(plain -> encrypted(apiV3Key, plain.toString()))),
                Tuple.of(1, JsonValues.any(2)));
        return Combinators.combine(
                        resources,
                        maybe("TRANSACTION.SUCCESS", "REFUND.SUCCESS", "TRANSACTION.CLOSED"),
                        maybe("encrypt-resource"),
                        JsonValues.any(0))
                .as((resource, eventType, resourceType, id) -> {
                    ObjectNode envelope = JSON.objectNode();
                    envelope.set("id", id);
                    envelope.put("create_time", "2026-11-25T03:49:59+08:00");
                    envelope.set("resource_type", resourceType);
                    envelope.set("event_type", eventType);
                    envelope.put("summary", "支付成功");
                    envelope.set("resource", resource);
                    return envelope;
                });
    }

    /** A transaction of the shape WeChat Pay encrypts, for an open trade or not, with fields right or of any value. */
    private Arbitrary<ObjectNode> transactions() {
        return Combinators.combine(
                        tradeNumbers(wechatTrades),
                        Arbitraries.frequencyOf(
                                Tuple.of(
                                        3,
                                        Arbitraries.longs().between(-1, 5_000).map(JSON::numberNode)),
                                Tuple.of(1, JsonValues.any(1))),
                        maybe("SUCCESS", "CLOSED", "NOTPAY", "REFUND"),
                        maybe("CNY", "USD"),
                        Arbitraries.oneOf(
                                Arbitraries.just(JSON.textNode(server.property("orderclock.channels.wechat.mchid"))),
                                JsonValues.any(0)))
                .as((tradeNo, total, state, currency, mchid) -> {
                    ObjectNode transaction = JSON.objectNode();
                    transaction.put("appid", server.property("orderclock.channels.wechat.appid"));
                    transaction.set("mchid", mchid);
                    transaction.put("out_trade_no", tradeNo);
                    transaction.put("transaction_id", "4200002026112000000000000001");
                    transaction.set("trade_state", state);
                    transaction.put("success_time", "2026-11-25T03:49:58+08:00");
                    transaction
                            .putObject("amount")
                            .<ObjectNode>set("total", total)
                            .<ObjectNode>set("payer_total", total)
                            .set("currency", currency);
                    return transaction;
                });
    }

    private static JsonNode encrypted(String apiV3Key, String plaintext) {
        String nonce = "n0nce0123456";
        ObjectNode resource = JSON.objectNode();
        resource.put("original_type", "transaction");
        resource.put("algorithm", ApiV3Cipher.ALGORITHM);
        resource.put("ciphertext", new ApiV3Cipher(apiV3Key).encrypt("transaction", nonce, plaintext));
        resource.put("associated_data", "transaction");
        resource.put("nonce", nonce);
        return resource;
    }

    private static Map<String, String> signed(String body, String privateKey, String serial, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        String nonce = "NONCE" + Long.toHexString(body.hashCode());
        return WechatSignature.responseHeaders(serial, timestamp, nonce, body, RsaKeys.privateKey(privateKey));
    }

    /** One of the right values, or any JSON value in its place. */
    private static Arbitrary<JsonNode> maybe(String... right) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(right).map(JSON::textNode)), Tuple.of(1, JsonValues.any(1)));
    }

    private static Arbitrary<String> tradeNumbers(List<String> open) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(open)),
                Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE).map(n -> "ORD_" + n + "_1")),
                Tuple.of(1, word()));
    }

    private static Arbitrary<String> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.of("19.98", "0.01", "0", "-19.98", "1e3", "19.980", "19.9", "99999999999999999999.99"),
                Arbitraries.bigDecimals().ofScale(2).map(Object::toString),
                word());
    }

    private static Arbitrary<String> word() {
        return text();
    }

    private static Arbitrary<String> text() {
        return JsonValues.text().map(JsonNode::asText);
    }

    private static String openTrade(Shop shop, String sku, String channel) {
        String user = Shop.newUser();
        String orderId = shop.pendingOrder(user, sku, 2).path("id").asText();
        Reply trade = api.post("/api/orders/" + orderId + "/pay")
                .as(user)
                .json("{\"channel\":\"" + channel + "\"}")
                .send();
        assertThat(trade.status()).as(trade.body()).isEqualTo(201);
        return trade.text("tradeNo");
    }
}
