package dev.orderclock.server.identity;

import dev.orderclock.settings.InvalidSettingException;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operator's bearer token, kept as a {@link SecretDigest}. A configured token must have at least
 * {@link #MIN_LENGTH} characters: a short one could be guessed by anyone who can reach the port.
 */
public final class AdminToken {

    public static final int MIN_LENGTH = 32;

    private final SecretDigest digest;

    public AdminToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be blank");
        }
        this.digest = new SecretDigest(token);
    }

    /** The token configured in {@code orderclock.admin-token}, refused when shorter than {@link #MIN_LENGTH}. */
    public static AdminToken configured(String token) {
        if (token.length() < MIN_LENGTH) {
            throw InvalidSettingException.of(
                    "orderclock.admin-token",
                    "orderclock.admin-token (ORDERCLOCK_ADMIN_TOKEN) "
                            + "has " + token.length() + " characters; an operator token must have at least "
                            + MIN_LENGTH
                            + ": a shorter one could be guessed by anyone who can reach the port.",
                    "Set orderclock.admin-token to at least " + MIN_LENGTH + " random characters "
                            + "(e.g. openssl rand -base64 32), or leave it unset to have one generated at each start.");
        }
        return new AdminToken(token);
    }

    /** 256 random bits, URL-safe (43 characters): for a server started without a configured token. */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public boolean matches(String presented) {
        return digest.matches(presented);
    }

    @Override
    public String toString() {
        return "AdminToken[hidden]";
    }
}
