package dev.orderclock.channels.alipay;

import dev.orderclock.channels.settings.ChannelSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The shop's Alipay settings ({@code orderclock.channels.alipay.*}): the gateway, the app id, the
 * merchant private key (PKCS#8, Base64) and Alipay's public key (X.509, Base64) as Alipay's console
 * gives them, where notifications go, and how long to wait. Left unset, the built-in simulator's
 * gateway and keys are filled in, as a shop would configure them. {@code seller-id} is the merchant's
 * PID ("2088..."): when set, a notification for another seller is refused. Its text form hides the keys.
 */
@ConfigurationProperties("orderclock.channels.alipay")
public record AlipayProperties(
        String gatewayUrl,
        String appId,
        String privateKey,
        String alipayPublicKey,
        String sellerId,
        String notifyUrl,
        Duration connectTimeout,
        Duration readTimeout) {

    /** Resolved once the server listens, so that a random port works too. */
    public static final String DEFAULT_NOTIFY_URL = "http://localhost:${local.server.port}/api/payments/alipay/notify";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

    public AlipayProperties {
        notifyUrl = notifyUrl != null && !notifyUrl.isBlank() ? notifyUrl : DEFAULT_NOTIFY_URL;
        connectTimeout =
                ChannelSettings.positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "orderclock.channels.alipay");
        readTimeout = ChannelSettings.positive(readTimeout, DEFAULT_READ_TIMEOUT, "orderclock.channels.alipay");
    }

    @Override
    public String toString() {
        return "AlipayProperties[gatewayUrl=" + gatewayUrl + ", appId=" + appId
                + ", privateKey=" + (privateKey == null ? "unset" : "set")
                + ", alipayPublicKey=" + (alipayPublicKey == null ? "unset" : "set") + ", sellerId=" + sellerId
                + ", notifyUrl=" + notifyUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + "]";
    }
}
