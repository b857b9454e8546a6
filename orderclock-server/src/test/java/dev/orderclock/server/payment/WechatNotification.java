package dev.orderclock.server.payment;

import dev.orderclock.channels.keys.RsaKeys;
import dev.orderclock.channels.wechat.ApiV3Cipher;
import dev.orderclock.channels.wechat.WechatSignature;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A WeChat Pay v3 notification as WeChat Pay sends it: the transaction (fields changeable), encrypted
 * under an APIv3 key and signed with a key, serial and timestamp the test chooses — the simulator's
 * for a genuine one.
 */
final class WechatNotification {

    private final ObjectNode resource = JsonNodeFactory.instance.objectNode();
    private String eventType = "TRANSACTION.SUCCESS";
    private String apiV3Key;
    private String serial;
    private Instant signedAt = Instant.now();

    private WechatNotification(String mchid, String appid, String tradeNo, long fen) {
        resource.put("appid", appid);
        resource.put("mchid", mchid);
        resource.put("out_trade_no", tradeNo);
        resource.put("transaction_id", "4200002026112" + String.format("%015d", Math.abs((long) tradeNo.hashCode())));
        resource.put("trade_type", "NATIVE");
        resource.put("trade_state", "SUCCESS");
        resource.put("trade_state_desc", "支付成功");
        resource.put("bank_type", "OTHERS");
        resource.put("success_time", "2026-11-25T03:49:58+08:00");
        resource.putObject("payer").put("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        resource.putObject("amount")
                .put("total", fen)
                .put("payer_total", fen)
                .put("currency", "CNY")
                .put("payer_currency", "CNY");
    }

    static WechatNotification paid(String mchid, String appid, String tradeNo, long fen) {
        return new WechatNotification(mchid, appid, tradeNo, fen);
    }

    WechatNotification with(String field, String value) {
        resource.put(field, value);
        return this;
    }

    /** Sets a field of the resource's {@code amount}, e.g. {@code currency}. */
    WechatNotification withAmount(String field, String value) {
        ((ObjectNode) resource.path("amount")).put(field, value);
        return this;
    }

    WechatNotification event(String type) {
        eventType = type;
        return this;
    }

    WechatNotification encryptedWith(String key) {
        apiV3Key = key;
        return this;
    }

    WechatNotification serial(String publicKeyId) {
        serial = publicKeyId;
        return this;
    }

    WechatNotification signedAt(Instant at) {
        signedAt = at;
        return this;
    }

    /** The envelope's body with the resource encrypted (under the key given with {@link #encryptedWith}). */
    String body() {
        String nonce = UUID.randomUUID().toString().substring(0, 12);
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("create_time", "2026-11-25T03:49:59+08:00");
        envelope.put("resource_type", "encrypt-resource");
        envelope.put("event_type", eventType);
        envelope.put("summary", "支付成功");
        ObjectNode encrypted = envelope.putObject("resource");
        encrypted.put("original_type", "transaction");
        encrypted.put("algorithm", ApiV3Cipher.ALGORITHM);
        encrypted.put("ciphertext", new ApiV3Cipher(apiV3Key).encrypt("transaction", nonce, resource.toString()));
        encrypted.put("associated_data", "transaction");
        encrypted.put("nonce", nonce);
        return envelope.toString();
    }

    /** The headers WeChat Pay signs this body with, using the given private key (Base64 PKCS#8). */
    Map<String, String> headersFor(String body, String privateKey) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return WechatSignature.responseHeaders(serial, timestamp, nonce, body, RsaKeys.privateKey(privateKey));
    }
}
