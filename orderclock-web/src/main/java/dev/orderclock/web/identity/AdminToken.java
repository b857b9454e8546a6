package dev.orderclock.web.identity;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operator's bearer token, kept as a {@link SecretDigest}. A configured token must have at least
 * {@link SecretDigest#MIN_LENGTH} characters.
 */
public final class AdminToken {

    private final SecretDigest digest;

    public AdminToken(String token) {
        this(new SecretDigest(token));
    }

    private AdminToken(SecretDigest digest) {
        this.digest = digest;
    }

    /** The token configured in {@code orderclock.admin-token}, refused when too short to be safe. */
    public static AdminToken configured(String token) {
        return new AdminToken(SecretDigest.configured(
                "orderclock.admin-token",
                token,
                "a shorter operator token (ORDERCLOCK_ADMIN_TOKEN) could be guessed by anyone who can reach the port",
                ", or leave it unset to have one generated at each start"));
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
