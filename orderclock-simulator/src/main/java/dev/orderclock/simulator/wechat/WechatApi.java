package dev.orderclock.simulator.wechat;

import dev.orderclock.channels.wechat.Authorization;
import dev.orderclock.channels.wechat.WechatSignature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated WeChat Pay API v3: checks a call as WeChat Pay does — the {@code Authorization}
 * header's scheme, merchant, certificate serial, freshness and signature over
 * {@code method\nURL\ntimestamp\nnonce\nbody\n} with the merchant's public key — then routes it to
 * its trade call. The URL signed is the path under the API root ({@code /v3/...}), whatever prefix
 * the simulator is mounted under.
 */
final class WechatApi {

    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final Pattern BY_OUT_TRADE_NO = Pattern.compile("/v3/pay/transactions/out-trade-no/([^/?]+)");
    private static final Pattern CLOSE = Pattern.compile("/v3/pay/transactions/out-trade-no/([^/?]+)/close");
    private static final Pattern REFUND = Pattern.compile("/v3/refund/domestic/refunds/([^/?]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WechatSimAccount account;
    private final WechatTrades trades;
    private final InstantSource clock;

    WechatApi(WechatSimAccount account, WechatTrades trades, InstantSource clock) {
        this.account = account;
        this.trades = trades;
        this.clock = clock;
    }

    /**
     * @param path         the path under the API root, e.g. {@code /v3/pay/transactions/native} (not decoded)
     * @param query        the raw query string, or null
     * @param payUrlPrefix where the simulated buyer pays, before the trade number
     */
    SimAnswer handle(String method, String path, String query, String authorization, String body, String payUrlPrefix) {
        String canonicalUrl = query == null ? path : path + "?" + query;
        SimAnswer refused = refusal(method, canonicalUrl, authorization, body);
        if (refused != null) {
            return refused;
        }
        JsonNode json;
        try {
            json = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return SimAnswer.invalid("the body is not a JSON object");
        }
        Matcher matcher;
        if ("POST".equals(method) && "/v3/pay/transactions/native".equals(path)) {
            return trades.prepay(json, payUrlPrefix);
        }
        if ("POST".equals(method) && (matcher = CLOSE.matcher(path)).matches()) {
            return trades.close(decode(matcher.group(1)), json);
        }
        if ("GET".equals(method) && (matcher = BY_OUT_TRADE_NO.matcher(path)).matches()) {
            return trades.query(decode(matcher.group(1)), parameter(query, "mchid"));
        }
        if ("POST".equals(method) && "/v3/refund/domestic/refunds".equals(path)) {
            return trades.refund(json);
        }
        if ("GET".equals(method) && (matcher = REFUND.matcher(path)).matches()) {
            return trades.refundQuery(decode(matcher.group(1)));
        }
        return SimAnswer.error(404, "NOT_FOUND", "no such API: " + method + " " + path);
    }

    /** Why the call is refused before it runs (401 SIGN_ERROR), or null when it may run. */
    private SimAnswer refusal(String method, String canonicalUrl, String header, String body) {
        Authorization authorization = Authorization.parse(header).orElse(null);
        if (authorization == null) {
            return SimAnswer.error(401, "SIGN_ERROR", "Authorization 缺失或格式错误（" + WechatSignature.SCHEMA + "）");
        }
        if (!account.mchid().equals(authorization.mchid())) {
            return SimAnswer.error(401, "SIGN_ERROR", "商户号与签名不匹配");
        }
        if (!account.merchantSerial().equalsIgnoreCase(authorization.serialNo())) {
            return SimAnswer.error(401, "SIGN_ERROR", "商户证书序列号有误");
        }
        try {
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(authorization.timestamp()));
            if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
                return SimAnswer.error(401, "SIGN_ERROR", "请求的时间戳已过期");
            }
        } catch (RuntimeException e) {
            return SimAnswer.error(401, "SIGN_ERROR", "时间戳格式错误");
        }
        String message = WechatSignature.requestMessage(
                method, canonicalUrl, authorization.timestamp(), authorization.nonce(), body);
        if (!WechatSignature.verify(message, authorization.signature(), account.merchantKey())) {
            return SimAnswer.error(401, "SIGN_ERROR", "签名错误");
        }
        return null;
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && decode(pair.substring(0, equals)).equals(name)) {
                return decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
