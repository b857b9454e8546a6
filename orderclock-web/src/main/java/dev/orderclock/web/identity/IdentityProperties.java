package dev.orderclock.web.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orderclock.admin-token} (environment {@code ORDERCLOCK_ADMIN_TOKEN}): at least 32 characters;
 * blank means "generate one".
 */
@ConfigurationProperties("orderclock")
public record IdentityProperties(String adminToken) {

    @Override
    public String toString() {
        return "IdentityProperties[adminToken=" + (adminToken == null || adminToken.isBlank() ? "unset" : "set") + "]";
    }
}
