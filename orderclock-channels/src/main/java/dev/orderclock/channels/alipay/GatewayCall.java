package dev.orderclock.channels.alipay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One signed call to Alipay's gateway, laid out as the official Java SDK sends it: the public
 * parameters and their {@code sign} in the query string, {@code biz_content} (JSON) in the
 * form-encoded body. The signature covers every non-empty parameter of both but {@code sign}.
 *
 * @param method the API method, e.g. {@code alipay.trade.query}
 * @param query  the query string to append to the gateway URL after {@code ?}
 * @param body   the form body
 */
public record GatewayCall(String method, String query, String body) {

    public static final String FORMAT = "JSON";
    public static final String CHARSET = "utf-8";
    public static final String VERSION = "1.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNSIGNED = Set.of("sign");

    /**
     * @param notifyUrl where Alipay notifies about this trade, or null for calls that take none
     * @param now       the request's {@code timestamp}
     */
    public static GatewayCall of(
            AlipayAccount account, String method, Map<String, ?> bizContent, String notifyUrl, Instant now) {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("app_id", account.appId());
        common.put("method", method);
        common.put("format", FORMAT);
        common.put("charset", CHARSET);
        common.put("sign_type", Rsa2.SIGN_TYPE);
        common.put("timestamp", AlipayTime.format(now));
        common.put("version", VERSION);
        if (notifyUrl != null) {
            common.put("notify_url", notifyUrl);
        }
        Map<String, String> application = Map.of("biz_content", json(bizContent));

        Map<String, String> signed = new LinkedHashMap<>(common);
        signed.putAll(application);
        common.put("sign", Rsa2.sign(Rsa2.content(signed, UNSIGNED), account.merchantKey()));
        return new GatewayCall(method, FormCodec.encode(common), FormCodec.encode(application));
    }

    /** The parameters a gateway receives, query and body together, decoded. */
    public Map<String, String> parameters() {
        Map<String, String> all = new LinkedHashMap<>(FormCodec.decode(query));
        all.putAll(FormCodec.decode(body));
        return all;
    }

    private static String json(Map<String, ?> bizContent) {
        try {
            return JSON.writeValueAsString(bizContent);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("biz_content is not JSON-writable", e);
        }
    }
}
