package dev.orderclock.simulator.alipay;

import dev.orderclock.channels.alipay.AlipayTime;
import dev.orderclock.channels.alipay.Rsa2;
import dev.orderclock.channels.alipay.SignedNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The simulated Alipay gateway: checks a call as Alipay does — the public parameters, the app, the
 * RSA2 signature over every non-empty parameter but {@code sign} with the merchant's public key —
 * then runs the method and signs the answer with Alipay's private key.
 */
final class AlipayGateway {

    static final Set<String> METHODS = Set.of(
            "alipay.trade.precreate",
            "alipay.trade.query",
            "alipay.trade.close",
            "alipay.trade.refund",
            "alipay.trade.fastpay.refund.query");

    private static final Set<String> UNSIGNED = Set.of("sign");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlipaySimAccount account;
    private final AlipayTrades trades;

    AlipayGateway(AlipaySimAccount account, AlipayTrades trades) {
        this.account = account;
        this.trades = trades;
    }

    /**
     * @param params       the call's parameters, query string and form body together, decoded
     * @param payUrlPrefix where the simulated buyer pays, up to the trade number
     * @return the answer's body
     */
    String handle(Map<String, String> params, String payUrlPrefix) {
        String method = params.get("method");
        if (method == null || method.isEmpty()) {
            return signed(SignedNode.ERROR_ROOT, AlipayResponses.missingArgument("isv.missing-method", "缺少方法名参数"));
        }
        if (!METHODS.contains(method)) {
            return signed(SignedNode.ERROR_ROOT, AlipayResponses.invalidArgument("isv.invalid-method", "不存在的方法名"));
        }
        Map<String, Object> refused = refusal(params);
        if (refused != null) {
            return signed(SignedNode.rootOf(method), refused);
        }
        JsonNode biz;
        try {
            biz = JSON.readTree(params.getOrDefault("biz_content", "{}"));
        } catch (IOException e) {
            biz = null;
        }
        if (biz == null || !biz.isObject()) {
            return signed(
                    SignedNode.rootOf(method),
                    AlipayResponses.invalidArgument("isv.invalid-parameter", "biz_content 不是 JSON 对象"));
        }
        Map<String, Object> node = switch (method) {
            case "alipay.trade.precreate" -> trades.precreate(biz, params.get("notify_url"), payUrlPrefix);
            case "alipay.trade.query" -> trades.query(biz);
            case "alipay.trade.close" -> trades.close(biz);
            case "alipay.trade.refund" -> trades.refund(biz);
            default -> trades.refundQuery(biz);
        };
        return signed(SignedNode.rootOf(method), node);
    }

    /** Why the call is refused before its method runs, or null when it may run. */
    private Map<String, Object> refusal(Map<String, String> params) {
        String appId = params.get("app_id");
        if (appId == null || appId.isEmpty()) {
            return AlipayResponses.missingArgument("isv.missing-app-id", "缺少AppID参数");
        }
        if (!appId.equals(account.appId())) {
            return AlipayResponses.invalidArgument("isv.invalid-app-id", "无效的AppID参数");
        }
        String timestamp = params.get("timestamp");
        if (timestamp == null || timestamp.isEmpty()) {
            return AlipayResponses.missingArgument("isv.missing-timestamp", "缺少时间戳参数");
        }
        if (!AlipayTime.isValid(timestamp)) {
            return AlipayResponses.invalidArgument("isv.invalid-timestamp", "非法的时间戳参数");
        }
        if (!"1.0".equals(params.get("version"))) {
            return AlipayResponses.invalidArgument("isv.invalid-version", "版本号应为1.0");
        }
        String format = params.get("format");
        if (format != null && !format.isEmpty() && !"json".equalsIgnoreCase(format)) {
            return AlipayResponses.invalidArgument("isv.invalid-format", "无效的数据格式");
        }
        String charset = params.get("charset");
        if (charset != null && !charset.isEmpty() && !"utf-8".equalsIgnoreCase(charset)) {
            return AlipayResponses.invalidArgument("isv.invalid-charset", "字符集不支持（模拟器只支持utf-8）");
        }
        String sign = params.get("sign");
        if (sign == null || sign.isEmpty()) {
            return AlipayResponses.missingArgument("isv.missing-signature", "缺少签名参数");
        }
        if (!Rsa2.SIGN_TYPE.equals(params.get("sign_type"))) {
            return AlipayResponses.invalidArgument("isv.invalid-signature-type", "签名类型不支持（模拟器只支持RSA2）");
        }
        if (!Rsa2.verify(Rsa2.content(params, UNSIGNED), sign, account.merchantKey())) {
            return AlipayResponses.invalidArgument("isv.invalid-signature", "验签出错");
        }
        return null;
    }

    private String signed(String root, Map<String, Object> node) {
        return AlipayResponses.signed(root, node, account.platformKey());
    }
}
