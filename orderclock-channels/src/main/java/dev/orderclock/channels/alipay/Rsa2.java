package dev.orderclock.channels.alipay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Alipay's RSA2: SHA256withRSA over the UTF-8 bytes of a text, the signature in standard Base64 —
 * the JDK's {@link Signature}, nothing else. Also the text that is signed: the parameters sorted by
 * name, {@code name=value} joined with {@code &}, empty values left out, values not URL-encoded.
 */
public final class Rsa2 {

    public static final String SIGN_TYPE = "RSA2";
    private static final String ALGORITHM = "SHA256withRSA";

    private Rsa2() {
    }

    public static String sign(String content, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an RSA2 private key", e);
        }
    }

    /** False for a signature that does not verify, and for one that is not even Base64. */
    public static boolean verify(String content, String base64Signature, PublicKey key) {
        if (content == null || base64Signature == null || base64Signature.isEmpty()) {
            return false;
        }
        try {
            byte[] raw = Base64.getMimeDecoder().decode(base64Signature);
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify(raw);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
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
        sorted.forEach((name, value) -> content.append(content.isEmpty() ? "" : "&").append(name).append('=').append(value));
        return content.toString();
    }
}
