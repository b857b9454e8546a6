package dev.orderclock.web.identity;

import dev.orderclock.settings.InvalidSettingException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A secret kept only as its SHA-256 digest; a presented value is compared digest to digest in
 * constant time, so neither the content nor the length of the secret leaks through response timing.
 */
final class SecretDigest {

    /** The shortest secret a setting may hold: a shorter one could be guessed by anyone who can reach the port. */
    static final int MIN_LENGTH = 32;

    private final byte[] digest;

    SecretDigest(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        this.digest = sha256(secret);
    }

    /**
     * A secret from {@code property}, refused at start when shorter than {@link #MIN_LENGTH}.
     *
     * @param risk   what anyone who guessed it could do
     * @param orElse the action's ending: what to do instead of setting it
     */
    static SecretDigest configured(String property, String secret, String risk, String orElse) {
        if (secret.length() < MIN_LENGTH) {
            throw InvalidSettingException.of(
                    property,
                    property + " has " + secret.length() + " characters; it must have at least " + MIN_LENGTH + ": "
                            + risk + ".",
                    "Set " + property + " to at least " + MIN_LENGTH + " random characters (e.g. openssl rand -base64 "
                            + MIN_LENGTH + ")" + orElse + ".");
        }
        return new SecretDigest(secret);
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
