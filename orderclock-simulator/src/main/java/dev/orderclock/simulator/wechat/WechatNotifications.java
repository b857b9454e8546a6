package dev.orderclock.simulator.wechat;

import dev.orderclock.channels.wechat.ApiV3Cipher;
import dev.orderclock.channels.wechat.WechatSignature;
import dev.orderclock.channels.wechat.WechatTime;
import dev.orderclock.simulator.ChannelNotifications;
import dev.orderclock.simulator.Notifier;
import dev.orderclock.simulator.OutgoingNotification;
import dev.orderclock.simulator.SimRandom;
import dev.orderclock.simulator.SimRefund;
import dev.orderclock.simulator.SimTrade;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated WeChat Pay's side of the buyer endpoints, and its notifications: a JSON envelope whose
 * {@code resource} is the transaction (or refund) encrypted AEAD_AES_256_GCM under the APIv3 key,
 * signed in the {@code Wechatpay-*} headers — afresh for every attempt, with the same envelope id —
 * and sent again after 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 60m, 3h, 3h, 3h, 6h and 6h until
 * the shop answers 200 or 204.
 */
public final class WechatNotifications extends ChannelNotifications {

    public static final String NAME = "wechat";
    public static final List<Duration> RETRY_SCHEDULE =
            schedule("15s 15s 30s 3m 10m 20m 30m 30m 30m 60m 3h 3h 3h 6h 6h");

    private final WechatSimAccount account;

    WechatNotifications(Notifier notifier, WechatSimAccount account, SimRandom random, InstantSource clock) {
        super(NAME, notifier, random, clock, RETRY_SCHEDULE, reply -> reply.status() == 200 || reply.status() == 204);
        this.account = account;
    }

    @Override
    public String statusOf(SimTrade trade) {
        return WechatResources.tradeState(trade);
    }

    @Override
    public void paid(SimTrade trade) {
        send(trade, "TRANSACTION.SUCCESS", "支付成功", "transaction", WechatResources.transaction(trade, account.appid()));
    }

    void refunded(SimTrade trade, SimRefund refund) {
        send(trade, "REFUND.SUCCESS", "退款成功", "refund", WechatResources.refundNotice(trade, refund));
    }

    /** A signed message as WeChat Pay sends it: the headers that carry the signature over this body. */
    OutgoingNotification.Message signed(String body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = random.hex(32).toUpperCase();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Request-ID", random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
        headers.putAll(
                WechatSignature.responseHeaders(account.publicKeyId(), timestamp, nonce, body, account.platformKey()));
        return new OutgoingNotification.Message(headers, body);
    }

    private void send(SimTrade trade, String eventType, String summary, String originalType, ObjectNode resource) {
        Optional<URI> target = target(trade);
        if (target.isEmpty()) {
            return;
        }
        String nonce = random.hex(12);
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put(
                "id",
                random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
        envelope.put("create_time", WechatTime.format(clock.instant()));
        envelope.put("resource_type", "encrypt-resource");
        envelope.put("event_type", eventType);
        envelope.put("summary", summary);
        ObjectNode encrypted = envelope.putObject("resource");
        encrypted.put("original_type", originalType);
        encrypted.put("algorithm", ApiV3Cipher.ALGORITHM);
        encrypted.put("ciphertext", account.cipher().encrypt(originalType, nonce, resource.toString()));
        encrypted.put("associated_data", originalType);
        encrypted.put("nonce", nonce);
        String body = envelope.toString();
        send(target.get(), envelope.path("id").asText(), () -> signed(body));
    }
}
