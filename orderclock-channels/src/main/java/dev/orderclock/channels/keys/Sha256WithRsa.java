package dev.orderclock.channels.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * SHA256withRSA over UTF-8 text, Base64 on the wire: what both channels sign with (Alipay calls it RSA2,
 * WeChat Pay WECHATPAY2-SHA256-RSA2048). Each channel says how strictly its Base64 is read.
 */
public final class Sha256WithRsa {

    private static final String ALGORITHM = "SHA256withRSA";

    private Sha256WithRsa() {}

    public static String sign(String text, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an RSA private key", e);
        }
    }

    /** False for a signature that does not verify, and for one the decoder does not take as Base64. */
    public static boolean verify(String text, String base64Signature, PublicKey key, Base64.Decoder decoder) {
        if (text == null || base64Signature == null || base64Signature.isEmpty()) {
            return false;
        }
        try {
            byte[] raw = decoder.decode(base64Signature);
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(raw);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
