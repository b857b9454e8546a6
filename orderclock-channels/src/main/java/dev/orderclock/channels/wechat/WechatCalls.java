package dev.orderclock.channels.wechat;

import dev.orderclock.channels.http.ChannelCalls;
import dev.orderclock.channels.http.ChannelCalls.Outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One call to WeChat Pay API v3 and its answer: the request signed with the merchant key
 * ({@code Authorization: WECHATPAY2-SHA256-RSA2048 ...}), the answer trusted only once WeChat Pay's
 * signature holds; a 5xx, an unsigned answer or no answer at all is an {@link Answer} of status 0.
 */
final class WechatCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] NONCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final WechatAccount account;
    private final Supplier<String> baseUrl;
    private final WechatTransport transport;
    private final InstantSource clock;
    private final ChannelCalls calls;
    private final SecureRandom random = new SecureRandom();

    WechatCalls(
            WechatAccount account,
            Supplier<String> baseUrl,
            WechatTransport transport,
            InstantSource clock,
            ChannelCalls calls) {
        this.account = account;
        this.baseUrl = baseUrl;
        this.transport = transport;
        this.clock = clock;
        this.calls = calls;
    }

    Answer call(String operation, String method, String pathAndQuery, String body) {
        return calls.timed(
                operation,
                () -> exchange(operation, method, pathAndQuery, body),
                answer -> answer.status() == 0
                        ? Outcome.UNKNOWN
                        : answer.status() < 300 ? Outcome.SUCCESS : Outcome.REFUSED);
    }

    private Answer exchange(String operation, String method, String pathAndQuery, String body) {
        ChannelCalls.Sent<WechatTransport.Reply> sent = calls.send(operation, () -> {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            String nonce = nonce();
            // The signed URL is the path under the API root, as WeChat Pay sees it whatever the base URL.
            String signature = WechatSignature.sign(
                    WechatSignature.requestMessage(method, pathAndQuery, timestamp, nonce, body),
                    account.merchantKey());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(
                    "Authorization",
                    new Authorization(account.mchid(), nonce, timestamp, account.merchantSerial(), signature).header());
            headers.put("Accept", "application/json");
            headers.put("Wechatpay-Serial", account.platformKeyId());
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
            return transport.send(method, URI.create(baseUrl.get() + pathAndQuery), headers, body);
        });
        if (!sent.answered()) {
            return Answer.none(sent.noAnswer());
        }
        WechatTransport.Reply reply = sent.reply();
        if (reply.status() >= 500) {
            return Answer.none("HTTP " + reply.status() + " " + reply.body());
        }
        SignedAnswer.Flaw flaw = SignedAnswer.check(
                account,
                reply.header("wechatpay-serial"),
                reply.header("wechatpay-timestamp"),
                reply.header("wechatpay-nonce"),
                reply.header("wechatpay-signature"),
                reply.body(),
                clock.instant());
        if (flaw != null) {
            calls.unverified(operation, String.valueOf(flaw));
            return Answer.none("unverified answer (HTTP " + reply.status() + "): " + flaw);
        }
        JsonNode json;
        try {
            json = reply.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(reply.body());
        } catch (IOException e) {
            return Answer.none("HTTP " + reply.status() + ", not JSON");
        }
        return new Answer(reply.status(), json == null ? JSON.createObjectNode() : json, null);
    }

    private String nonce() {
        char[] nonce = new char[32];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = NONCE_CHARS[random.nextInt(NONCE_CHARS.length)];
        }
        return new String(nonce);
    }

    /** A verified answer (status and JSON, {@code {}} for none), or (status 0) why none came. */
    record Answer(int status, JsonNode json, String noAnswer) {

        static Answer none(String reason) {
            return new Answer(0, null, reason);
        }

        String code() {
            return json == null ? null : json.path("code").asText(null);
        }

        String describe() {
            if (status == 0) {
                return noAnswer;
            }
            return "HTTP " + status
                    + (code() != null
                            ? " " + code() + ": " + json.path("message").asText("")
                            : "");
        }
    }
}
