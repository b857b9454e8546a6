package dev.orderclock.simulator.wechat;

import dev.orderclock.channels.wechat.ApiV3Cipher;
import dev.orderclock.channels.wechat.WechatSignature;
import dev.orderclock.channels.wechat.WechatTime;
import dev.orderclock.simulator.Notifier;
import dev.orderclock.simulator.OutgoingNotification;
import dev.orderclock.simulator.SimChannel;
import dev.orderclock.simulator.SimRandom;
import dev.orderclock.simulator.SimRefund;
import dev.orderclock.simulator.SimTrade;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated WeChat Pay's side of the buyer endpoints, and its notifications: a JSON envelope whose
 * {@code resource} is the transaction (or refund) encrypted AEAD_AES_256_GCM under the APIv3 key,
 * signed in the {@code Wechatpay-*} headers — afresh for every attempt, with the same envelope id —
 * and sent again after 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 60m, 3h, 3h, 3h, 6h and 6h until
 * the shop answers 200 or 204.
 */
public final class WechatNotifications implements SimChannel {

    public static final String NAME = "wechat";
    public static final List<Duration> RETRY_SCHEDULE = List.of(
            Duration.ofSeconds(15),
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            Duration.ofMinutes(3),
            Duration.ofMinutes(10),
            Duration.ofMinutes(20),
            Duration.ofMinutes(30),
            Duration.ofMinutes(30),
            Duration.ofMinutes(30),
            Duration.ofMinutes(60),
            Duration.ofHours(3),
            Duration.ofHours(3),
            Duration.ofHours(3),
            Duration.ofHours(6),
            Duration.ofHours(6));

    private static final Logger log = LoggerFactory.getLogger(WechatNotifications.class);

    private final Notifier notifier;
    private final WechatSimAccount account;
    private final SimRandom random;
    private final InstantSource clock;

    WechatNotifications(Notifier notifier, WechatSimAccount account, SimRandom random, InstantSource clock) {
        this.notifier = notifier;
        this.account = account;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
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
        headers.put("Wechatpay-Serial", account.publicKeyId());
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature-Type", WechatSignature.SCHEMA);
        headers.put(
                "Wechatpay-Signature",
                WechatSignature.sign(WechatSignature.responseMessage(timestamp, nonce, body), account.platformKey()));
        return new OutgoingNotification.Message(headers, body);
    }

    private void send(SimTrade trade, String eventType, String summary, String originalType, ObjectNode resource) {
        if (trade.notifyUrl() == null || trade.notifyUrl().isBlank()) {
            return;
        }
        URI target;
        try {
            target = URI.create(trade.notifyUrl());
        } catch (IllegalArgumentException e) {
            log.warn("trade {}: notify_url is not a URL, nothing sent", trade.tradeNo());
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
        notifier.send(new OutgoingNotification(
                envelope.path("id").asText(),
                target,
                () -> signed(body),
                RETRY_SCHEDULE,
                reply -> reply.status() == 200 || reply.status() == 204));
    }
}
