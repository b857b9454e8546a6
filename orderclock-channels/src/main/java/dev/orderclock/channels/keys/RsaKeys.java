package dev.orderclock.channels.keys;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys in the forms Alipay's console and key tool hand out: a PKCS#8 private key and an X.509
 * public key, each as one line of Base64 (PEM armour and line breaks are tolerated).
 */
public final class RsaKeys {

    private static final int BITS = 2048;

    private RsaKeys() {}

    /** @throws IllegalArgumentException when the text is not a PKCS#8 RSA private key (the message never quotes it) */
    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key in Base64");
        }
    }

    /** @throws IllegalArgumentException when the text is not an X.509 RSA public key */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(bytes(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an X.509 RSA public key in Base64");
        }
    }

    /** One line of Base64: PKCS#8 for a private key, X.509 for a public one (the keys' own encodings). */
    public static String encode(Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has RSA", e);
        }
    }

    private static byte[] bytes(String base64) {
        if (base64 == null) {
            throw new IllegalArgumentException("no key");
        }
        String body = base64.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
