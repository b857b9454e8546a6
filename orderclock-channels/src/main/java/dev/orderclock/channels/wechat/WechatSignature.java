package dev.orderclock.channels.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * WeChat Pay v3's signatures: SHA256withRSA over the UTF-8 bytes of a message of lines, each ending
 * in {@code \n}, the signature in standard Base64 — the JDK's {@link Signature}, nothing else.
 * Requests sign {@code method, URL, timestamp, nonce, body}; answers and notifications sign
 * {@code timestamp, nonce, body}.
 */
public final class WechatSignature {

    /** The scheme of the {@code Authorization} header and of {@code Wechatpay-Signature-Type}. */
    public static final String SCHEMA = "WECHATPAY2-SHA256-RSA2048";
    private static final String ALGORITHM = "SHA256withRSA";

    private WechatSignature() {
    }

    /**
     * @param canonicalUrl the path and query as WeChat Pay sees it, e.g. {@code /v3/pay/transactions/native}
     * @param body         the exact body sent, empty for a GET
     */
    public static String requestMessage(String method, String canonicalUrl, String timestamp, String nonce,
                                        String body) {
        return method + "\n" + canonicalUrl + "\n" + timestamp + "\n" + nonce + "\n" + (body == null ? "" : body) + "\n";
    }

    /** What an answer or a notification signs: its timestamp and nonce headers and the exact body. */
    public static String responseMessage(String timestamp, String nonce, String body) {
        return timestamp + "\n" + nonce + "\n" + (body == null ? "" : body) + "\n";
    }

    public static String sign(String message, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an RSA private key", e);
        }
    }

    /** False for a signature that does not verify, and for one that is not even Base64. */
    public static boolean verify(String message, String base64Signature, PublicKey key) {
        if (message == null || base64Signature == null || base64Signature.isEmpty()) {
            return false;
        }
        try {
            byte[] raw = Base64.getDecoder().decode(base64Signature);
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(raw);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
