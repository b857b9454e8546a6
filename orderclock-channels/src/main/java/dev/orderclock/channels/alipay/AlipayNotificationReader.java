package dev.orderclock.channels.alipay;

import dev.orderclock.channels.http.ChannelAdapter;
import dev.orderclock.payment.InboundNotification;
import dev.orderclock.payment.InvalidNotificationException;
import dev.orderclock.payment.InvalidNotificationException.Reason;
import dev.orderclock.payment.PaymentNotification;
import dev.orderclock.payment.PaymentNotification.Kind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies and reads Alipay's asynchronous notification: a form body signed RSA2 over every
 * non-empty field but {@code sign} and {@code sign_type}, sorted, {@code k=v&...} of the decoded
 * values. Nothing in it is read before the signature holds.
 */
final class AlipayNotificationReader {

    private static final Set<String> UNSIGNED = Set.of("sign", "sign_type");
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,10})(\\.[0-9]{1,2})?");

    private final AlipayAccount account;

    AlipayNotificationReader(AlipayAccount account) {
        this.account = account;
    }

    PaymentNotification read(InboundNotification notification) {
        Map<String, String> fields = fields(notification.body());
        String sign = fields.get("sign");
        if (sign == null || sign.isEmpty()) {
            throw new InvalidNotificationException(Reason.BAD_SIGNATURE, "unsigned");
        }
        if (!Rsa2.SIGN_TYPE.equals(fields.get("sign_type"))) {
            throw new InvalidNotificationException(Reason.BAD_SIGNATURE, "sign_type is not RSA2");
        }
        if (!Rsa2.verify(Rsa2.content(fields, UNSIGNED), sign, account.alipayKey())) {
            throw new InvalidNotificationException(
                    Reason.BAD_SIGNATURE, "the signature does not verify with Alipay's public key");
        }
        if (!account.appId().equals(fields.get("app_id"))) {
            throw new InvalidNotificationException(Reason.FOREIGN_MERCHANT, "app_id is not this shop's");
        }
        if (account.sellerId() != null && !account.sellerId().equals(fields.get("seller_id"))) {
            throw new InvalidNotificationException(Reason.FOREIGN_MERCHANT, "seller_id is not this shop's");
        }
        // Domestic notifications name no currency; a cross-border one does, and only yuan is ours.
        String currency = fields.get("trans_currency");
        if (currency != null && !currency.isEmpty() && !ChannelAdapter.CURRENCY.equals(currency)) {
            throw new InvalidNotificationException(Reason.FOREIGN_CURRENCY, "trans_currency is " + currency);
        }
        String notifyId = required(fields, "notify_id");
        String tradeNo = required(fields, "out_trade_no");
        String status = required(fields, "trade_status");
        Kind kind = kindOf(fields, status);
        BigDecimal amount = kind == Kind.REFUNDED ? amount(fields, "refund_fee") : amount(fields, "total_amount");
        return new PaymentNotification(
                notifyId, tradeNo, blankToNull(fields.get("trade_no")), kind, amount, time(fields, "gmt_payment"));
    }

    /**
     * A refund is notified with the trade's status after it (TRADE_SUCCESS after a partial refund,
     * TRADE_CLOSED after a full one) plus refund fields: it is never a payment, whatever the status.
     */
    private static Kind kindOf(Map<String, String> fields, String status) {
        if (present(fields, "refund_fee") || present(fields, "out_biz_no") || present(fields, "gmt_refund")) {
            return Kind.REFUNDED;
        }
        return switch (status) {
            case "TRADE_SUCCESS" -> Kind.PAID;
            case "TRADE_CLOSED" -> Kind.CLOSED;
            // TRADE_FINISHED follows a TRADE_SUCCESS already notified (the trade became non-refundable).
            default -> Kind.OTHER;
        };
    }

    private static Map<String, String> fields(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidNotificationException(Reason.MALFORMED, "empty body");
        }
        try {
            return FormCodec.decode(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidNotificationException(Reason.MALFORMED, "not a form body: " + e.getMessage());
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidNotificationException(Reason.MALFORMED, name + " is missing");
        }
        return value;
    }

    private static BigDecimal amount(Map<String, String> fields, String name) {
        String text = required(fields, name);
        if (!AMOUNT.matcher(text).matches()) {
            throw new InvalidNotificationException(Reason.MALFORMED, name + " is not an amount in yuan");
        }
        return new BigDecimal(text).setScale(2);
    }

    private static Instant time(Map<String, String> fields, String name) {
        String text = fields.get(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return AlipayTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidNotificationException(Reason.MALFORMED, name + " is not yyyy-MM-dd HH:mm:ss");
        }
    }

    private static boolean present(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value != null && !value.isEmpty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
