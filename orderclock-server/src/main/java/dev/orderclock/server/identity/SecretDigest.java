package dev.orderclock.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A secret kept only as its SHA-256 digest; a presented value is compared digest to digest in
 * constant time, so neither the content nor the length of the secret leaks through response timing.
 */
final class SecretDigest {

    private final byte[] digest;

    SecretDigest(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        this.digest = sha256(secret);
    }

    boolean matches(String presented) {
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
        return "SecretDigest[hidden]";
    }
}
