package dev.orderclock.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operator's bearer token. Only its SHA-256 digest is kept, and a presented token is compared
 * digest to digest in constant time, so neither the content nor the length of the token leaks
 * through response timing.
 */
public final class AdminToken {

    private final byte[] digest;

    public AdminToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be blank");
        }
        this.digest = sha256(token);
    }

    /** 256 random bits, URL-safe: for a server started without a configured token. */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[hidden]";
    }
}
