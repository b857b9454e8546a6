package dev.orderclock.server.payment;

import dev.orderclock.channels.alipay.FormCodec;
import dev.orderclock.channels.alipay.Rsa2;
import dev.orderclock.channels.keys.RsaKeys;

import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An Alipay asynchronous notification as the platform sends it, signed with a key the test chooses
 * (the simulator's platform key for a genuine one): fields can be changed before or after signing.
 */
final class AlipayNotificationForm {

    private final Map<String, String> fields = new LinkedHashMap<>();

    private AlipayNotificationForm(String appId, String tradeNo, String amount, String status) {
        fields.put("notify_time", "2026-11-24 19:49:59");
        fields.put("notify_type", "trade_status_sync");
        fields.put("notify_id", UUID.randomUUID().toString().replace("-", ""));
        fields.put("charset", "utf-8");
        fields.put("version", "1.0");
        fields.put("app_id", appId);
        fields.put("out_trade_no", tradeNo);
        fields.put("trade_no", "2026112422001" + Math.abs(tradeNo.hashCode()));
        fields.put("trade_status", status);
        fields.put("total_amount", amount);
        fields.put("gmt_payment", "2026-11-24 19:49:58");
    }

    static AlipayNotificationForm paid(String appId, String tradeNo, String amount) {
        return new AlipayNotificationForm(appId, tradeNo, amount, "TRADE_SUCCESS");
    }

    AlipayNotificationForm with(String name, String value) {
        fields.put(name, value);
        return this;
    }

    /** The form body, signed RSA2 over the fields as they are now. */
    String signedWith(String base64PrivateKey) {
        PrivateKey key = RsaKeys.privateKey(base64PrivateKey);
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("sign_type", "RSA2");
        signed.put("sign", Rsa2.sign(Rsa2.content(signed, Set.of("sign", "sign_type")), key));
        return FormCodec.encode(signed);
    }

    String unsigned() {
        return FormCodec.encode(fields);
    }
}
