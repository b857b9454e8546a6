package dev.orderclock.web.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * {@code orderclock.identity.*}: how shoppers are believed. A JWT's {@code user-claim} names the
 * shopper; {@code X-User-Id} is believed only from loopback, from a peer inside {@code trusted-proxies}
 * (CIDRs, matched against the direct peer, never X-Forwarded-For) or with the {@code gateway-secret}.
 */
@ConfigurationProperties("orderclock.identity")
public record ShopperIdentityProperties(
        @DefaultValue("sub") String userClaim,
        @DefaultValue List<String> trustedProxies,
        String gatewaySecret,
        @DefaultValue("X-Gateway-Secret") String gatewaySecretHeader,
        @DefaultValue UserHeader userHeader) {

    /** {@code user-header.enabled}: false refuses X-User-Id from everyone (shoppers then need a JWT). */
    public record UserHeader(@DefaultValue("true") boolean enabled) {}

    @Override
    public String toString() {
        return "ShopperIdentityProperties[userClaim=" + userClaim + ", trustedProxies=" + trustedProxies
                + ", gatewaySecret=" + (gatewaySecret == null || gatewaySecret.isBlank() ? "unset" : "set")
                + ", userHeader=" + userHeader + "]";
    }
}
