package dev.orderclock.channels.wechat;

import dev.orderclock.channels.alipay.TestKeys;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WeChat Pay for unit tests: answers each call with a status and body the test sets, signed with the
 * test platform key under {@link #PUBLIC_KEY_ID} (or not, or under another id), and keeps the calls.
 */
final class CannedWechatPay implements WechatTransport {

    static final String PUBLIC_KEY_ID = "PUB_KEY_ID_TEST";

    /** One call as it was sent. */
    record Sent(String method, URI uri, Map<String, String> headers, String body) {}

    private final List<Sent> sent = new ArrayList<>();
    private final Instant now;
    private int status = 200;
    private String body = "{}";
    private String serial = PUBLIC_KEY_ID;
    private boolean signed = true;
    private IOException failure;

    CannedWechatPay(Instant now) {
        this.now = now;
    }

    CannedWechatPay answering(int status, String body) {
        this.status = status;
        this.body = body;
        this.signed = true;
        this.serial = PUBLIC_KEY_ID;
        this.failure = null;
        return this;
    }

    CannedWechatPay unsigned() {
        signed = false;
        return this;
    }

    CannedWechatPay signedUnder(String publicKeyId) {
        serial = publicKeyId;
        return this;
    }

    CannedWechatPay failing(IOException e) {
        failure = e;
        return this;
    }

    Sent last() {
        return sent.get(sent.size() - 1);
    }

    @Override
    public Reply send(String method, URI uri, Map<String, String> headers, String requestBody) throws IOException {
        sent.add(new Sent(method, uri, headers, requestBody));
        if (failure != null) {
            throw failure;
        }
        if (!signed) {
            return new Reply(status, Map.of(), body);
        }
        Map<String, String> signature = new HashMap<>();
        WechatSignature.responseHeaders(
                        serial, Long.toString(now.getEpochSecond()), "NONCE42", body, TestKeys.PLATFORM.getPrivate())
                .forEach((name, value) -> signature.put(name.toLowerCase(Locale.ROOT), value));
        return new Reply(status, signature, body);
    }
}
