package dev.orderclock.channels.alipay;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} in UTF-8, as Alipay and its SDK write it: parameters with
 * an empty value are left out, names are never repeated.
 */
public final class FormCodec {

    private FormCodec() {}

    public static String encode(Map<String, String> params) {
        StringBuilder form = new StringBuilder();
        params.forEach((name, value) -> {
            if (name != null && !name.isEmpty() && value != null && !value.isEmpty()) {
                form.append(form.isEmpty() ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return form.toString();
    }

    /**
     * The parameters of a form body, decoded, in the order they came.
     *
     * @throws IllegalArgumentException when the text is not a form: a pair without {@code =}, an empty
     *                                  or repeated name, a broken {@code %} escape
     */
    public static Map<String, String> decode(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form == null || form.isBlank()) {
            return params;
        }
        for (String pair : form.strip().split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("not a name=value pair: " + abbreviate(pair));
            }
            String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (params.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("parameter repeated: " + abbreviate(name));
            }
        }
        return params;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
