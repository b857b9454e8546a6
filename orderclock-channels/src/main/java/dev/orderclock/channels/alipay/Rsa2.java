package dev.orderclock.channels.alipay;

import dev.orderclock.channels.keys.Sha256WithRsa;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Alipay's RSA2: SHA256withRSA over the UTF-8 bytes of a text, the signature in standard Base64 —
 * the JDK's {@link java.security.Signature}, nothing else. Also the text that is signed: the parameters sorted by
 * name, {@code name=value} joined with {@code &}, empty values left out, values not URL-encoded.
 */
public final class Rsa2 {

    public static final String SIGN_TYPE = "RSA2";

    private Rsa2() {}

    public static String sign(String content, PrivateKey key) {
        return Sha256WithRsa.sign(content, key);
    }

    /** False for a signature that does not verify, and for one that is not even Base64 (line breaks allowed). */
    public static boolean verify(String content, String base64Signature, PublicKey key) {
        return Sha256WithRsa.verify(content, base64Signature, key, Base64.getMimeDecoder());
    }

    /**
     * The signed text of a parameter set: every parameter but the {@code excluded} ones (requests
     * exclude {@code sign}; notifications {@code sign} and {@code sign_type}) and the empty ones.
     */
    public static String content(Map<String, String> params, Set<String> excluded) {
        // TreeMap sorts names by String.compareTo, as the SDK's Collections.sort does.
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((name, value) -> {
            if (name != null && !name.isEmpty() && value != null && !value.isEmpty() && !excluded.contains(name)) {
                sorted.put(name, value);
            }
        });
        StringBuilder content = new StringBuilder();
        sorted.forEach((name, value) -> content.append(content.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(value));
        return content.toString();
    }
}
