package dev.orderclock.channels.wechat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Authorization} header of a WeChat Pay v3 request:
 * {@code WECHATPAY2-SHA256-RSA2048 mchid="...",nonce_str="...",timestamp="...",serial_no="...",signature="..."},
 * the signature over {@link WechatSignature#requestMessage} with the merchant's private key.
 */
public record Authorization(String mchid, String nonce, String timestamp, String serialNo, String signature) {

    private static final Pattern PARAMETER = Pattern.compile("\\s*([a-z_]+)=\"([^\"]*)\"\\s*(?:,|$)");

    public String header() {
        return WechatSignature.SCHEMA + " mchid=\"" + mchid + "\",nonce_str=\"" + nonce + "\",timestamp=\"" + timestamp
                + "\",serial_no=\"" + serialNo + "\",signature=\"" + signature + "\"";
    }

    /** Empty when the header is missing, of another scheme, or lacks a parameter. */
    public static Optional<Authorization> parse(String header) {
        if (header == null || !header.startsWith(WechatSignature.SCHEMA + " ")) {
            return Optional.empty();
        }
        String parameters = header.substring(WechatSignature.SCHEMA.length() + 1);
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(parameters);
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            values.put(matcher.group(1), matcher.group(2));
            end = matcher.end();
        }
        if (end != parameters.length()) {
            return Optional.empty();
        }
        Authorization parsed = new Authorization(
                values.get("mchid"),
                values.get("nonce_str"),
                values.get("timestamp"),
                values.get("serial_no"),
                values.get("signature"));
        boolean complete = parsed.mchid != null
                && parsed.nonce != null
                && parsed.timestamp != null
                && parsed.serialNo != null
                && parsed.signature != null;
        return complete ? Optional.of(parsed) : Optional.empty();
    }
}
