package dev.orderclock.channels.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code AEAD_AES_256_GCM} under the merchant's APIv3 key, as WeChat Pay encrypts a notification's
 * {@code resource}: the key is the 32 characters of the APIv3 key, the nonce the resource's
 * {@code nonce} text, the associated data its {@code associated_data}, a 128-bit tag appended to the
 * ciphertext, all in standard Base64 — the JDK's {@link Cipher}, nothing else.
 */
public final class ApiV3Cipher {

    public static final String ALGORITHM = "AEAD_AES_256_GCM";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the key is not 32 bytes of UTF-8 (the message never quotes it) */
    public ApiV3Cipher(String apiV3Key) {
        byte[] bytes = apiV3Key == null ? new byte[0] : apiV3Key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("an APIv3 key is 32 characters");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** @throws GeneralSecurityException when the ciphertext does not decrypt and authenticate under this key */
    public String decrypt(String associatedData, String nonce, String base64Ciphertext)
            throws GeneralSecurityException {
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(base64Ciphertext);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("the ciphertext is not Base64");
        }
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, associatedData);
        return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
    }

    public String encrypt(String associatedData, String nonce, String plaintext) {
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES/GCM", e);
        }
    }

    private Cipher cipher(int mode, String nonce, String associatedData) throws GeneralSecurityException {
        if (nonce == null || nonce.isEmpty()) {
            throw new GeneralSecurityException("no nonce");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
        if (associatedData != null && !associatedData.isEmpty()) {
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        }
        return cipher;
    }
}
