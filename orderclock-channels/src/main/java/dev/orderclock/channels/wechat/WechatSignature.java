package dev.orderclock.channels.wechat;

import dev.orderclock.channels.keys.Sha256WithRsa;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WeChat Pay v3's signatures: SHA256withRSA over the UTF-8 bytes of a message of lines, each ending
 * in {@code \n}, the signature in standard Base64 — the JDK's {@link java.security.Signature}, nothing else.
 * Requests sign {@code method, URL, timestamp, nonce, body}; answers and notifications sign
 * {@code timestamp, nonce, body}.
 */
public final class WechatSignature {

    /** The scheme of the {@code Authorization} header and of {@code Wechatpay-Signature-Type}. */
    public static final String SCHEMA = "WECHATPAY2-SHA256-RSA2048";

    private WechatSignature() {}

    /**
     * @param canonicalUrl the path and query as WeChat Pay sees it, e.g. {@code /v3/pay/transactions/native}
     * @param body         the exact body sent, empty for a GET
     */
    public static String requestMessage(
            String method, String canonicalUrl, String timestamp, String nonce, String body) {
        return method + "\n" + canonicalUrl + "\n" + timestamp + "\n" + nonce + "\n" + (body == null ? "" : body)
                + "\n";
    }

    /** What an answer or a notification signs: its timestamp and nonce headers and the exact body. */
    public static String responseMessage(String timestamp, String nonce, String body) {
        return timestamp + "\n" + nonce + "\n" + (body == null ? "" : body) + "\n";
    }

    /**
     * The headers that carry an answer's or a notification's signature over {@code body}, in the order
     * WeChat Pay sends them: {@code Wechatpay-Serial} (the public key id), {@code -Timestamp}, {@code -Nonce},
     * {@code -Signature-Type} and {@code -Signature}.
     */
    public static Map<String, String> responseHeaders(
            String serial, String timestamp, String nonce, String body, PrivateKey key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Serial", serial);
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature-Type", SCHEMA);
        headers.put("Wechatpay-Signature", sign(responseMessage(timestamp, nonce, body), key));
        return headers;
    }

    public static String sign(String message, PrivateKey key) {
        return Sha256WithRsa.sign(message, key);
    }

    /** False for a signature that does not verify, and for one that is not strict Base64. */
    public static boolean verify(String message, String base64Signature, PublicKey key) {
        return Sha256WithRsa.verify(message, base64Signature, key, Base64.getDecoder());
    }
}
