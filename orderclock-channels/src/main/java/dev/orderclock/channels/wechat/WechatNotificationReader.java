package dev.orderclock.channels.wechat;

import dev.orderclock.payment.InboundNotification;
import dev.orderclock.payment.InvalidNotificationException;
import dev.orderclock.payment.InvalidNotificationException.Reason;
import dev.orderclock.payment.PaymentNotification;
import dev.orderclock.payment.PaymentNotification.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;

/**
 * Verifies and reads a WeChat Pay v3 notification: the {@code Wechatpay-*} headers first (the serial
 * is the configured public key id, the timestamp at most five minutes away, the signature over
 * {@code timestamp\nnonce\nbody\n} holds), then the envelope, whose {@code resource} is decrypted
 * with the APIv3 key; the merchant and app inside must be this shop's. Nothing is read before the
 * signature holds.
 */
final class WechatNotificationReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WechatAccount account;
    private final InstantSource clock;

    WechatNotificationReader(WechatAccount account, InstantSource clock) {
        this.account = account;
        this.clock = clock;
    }

    PaymentNotification read(InboundNotification notification) {
        verify(notification);
        JsonNode envelope = json(notification.body(), "the body");
        String eventType = required(envelope, "event_type");
        JsonNode resource = envelope.path("resource");
        if (!ApiV3Cipher.ALGORITHM.equals(resource.path("algorithm").asText())) {
            throw new InvalidNotificationException(
                    Reason.UNDECRYPTABLE, "resource.algorithm is not " + ApiV3Cipher.ALGORITHM);
        }
        String plaintext;
        try {
            plaintext = account.apiV3Cipher()
                    .decrypt(
                            resource.path("associated_data").asText(""),
                            resource.path("nonce").asText(null),
                            resource.path("ciphertext").asText(""));
        } catch (GeneralSecurityException e) {
            throw new InvalidNotificationException(
                    Reason.UNDECRYPTABLE, "the resource does not decrypt with the APIv3 key");
        }
        JsonNode content = json(plaintext, "the resource");
        if (!account.mchid().equals(content.path("mchid").asText())) {
            throw new InvalidNotificationException(Reason.FOREIGN_MERCHANT, "mchid is not this shop's");
        }
        String notifyId = required(envelope, "id");
        String tradeNo = required(content, "out_trade_no");
        String channelTradeNo = content.path("transaction_id").asText(null);
        if (eventType.startsWith("REFUND.")) {
            return new PaymentNotification(
                    notifyId,
                    tradeNo,
                    channelTradeNo,
                    Kind.REFUNDED,
                    amount(content.path("amount").path("refund"), "amount.refund"),
                    null);
        }
        // Payment notifications carry the app; refund notifications do not.
        if (!account.appid().equals(content.path("appid").asText())) {
            throw new InvalidNotificationException(Reason.FOREIGN_MERCHANT, "appid is not this shop's");
        }
        String foreign = WechatPayChannel.foreignCurrency(content.path("amount"));
        if (foreign != null) {
            throw new InvalidNotificationException(Reason.FOREIGN_CURRENCY, "amount." + foreign);
        }
        Kind kind = "TRANSACTION.SUCCESS".equals(eventType)
                        && "SUCCESS".equals(content.path("trade_state").asText())
                ? Kind.PAID
                : Kind.OTHER;
        return new PaymentNotification(
                notifyId,
                tradeNo,
                channelTradeNo,
                kind,
                amount(content.path("amount").path("total"), "amount.total"),
                time(content.path("success_time").asText(null)));
    }

    private void verify(InboundNotification notification) {
        String signatureType = notification.headers().get("wechatpay-signature-type");
        if (signatureType != null && !WechatSignature.SCHEMA.equals(signatureType)) {
            throw new InvalidNotificationException(
                    Reason.BAD_SIGNATURE, "Wechatpay-Signature-Type is not " + WechatSignature.SCHEMA);
        }
        SignedAnswer.Flaw flaw = SignedAnswer.check(
                account,
                notification.headers().get("wechatpay-serial"),
                notification.headers().get("wechatpay-timestamp"),
                notification.headers().get("wechatpay-nonce"),
                notification.headers().get("wechatpay-signature"),
                notification.body(),
                clock.instant());
        if (flaw == SignedAnswer.Flaw.STALE) {
            throw new InvalidNotificationException(Reason.STALE, "Wechatpay-Timestamp is more than 5 minutes away");
        }
        if (flaw != null) {
            throw new InvalidNotificationException(
                    Reason.BAD_SIGNATURE,
                    switch (flaw) {
                        case UNSIGNED -> "a Wechatpay-* header is missing";
                        case WRONG_SERIAL -> "Wechatpay-Serial is not the configured public key id";
                        default -> "the signature does not verify with WeChat Pay's public key";
                    });
        }
    }

    private static JsonNode json(String text, String what) {
        try {
            JsonNode node = text == null || text.isBlank() ? null : JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new InvalidNotificationException(Reason.MALFORMED, what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidNotificationException(Reason.MALFORMED, what + " is not JSON");
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidNotificationException(Reason.MALFORMED, field + " is missing");
        }
        return value.asText();
    }

    private static BigDecimal amount(JsonNode fen, String field) {
        if (!fen.isIntegralNumber() || !fen.canConvertToLong() || fen.asLong() < 0) {
            throw new InvalidNotificationException(Reason.MALFORMED, field + " is not an amount in fen");
        }
        return WechatAmount.yuan(fen.asLong());
    }

    private static Instant time(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return WechatTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidNotificationException(Reason.MALFORMED, "success_time is not RFC 3339");
        }
    }
}
