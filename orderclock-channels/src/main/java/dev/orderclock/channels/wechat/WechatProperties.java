package dev.orderclock.channels.wechat;

import dev.orderclock.channels.settings.ChannelSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The shop's WeChat Pay settings ({@code orderclock.channels.wechat.*}), as WeChat Pay's merchant
 * platform gives them: the API root, the merchant id and app id, the serial number of the merchant
 * certificate and its private key (PKCS#8, PEM or Base64), the APIv3 key, and WeChat Pay's public key
 * (X.509, PEM or Base64) with its id; where notifications go, and how long to wait. Left unset, the
 * built-in simulator's are filled in. Its text form hides the keys.
 */
@ConfigurationProperties("orderclock.channels.wechat")
public record WechatProperties(
        String baseUrl,
        String mchid,
        String appid,
        String merchantSerial,
        String privateKey,
        String apiV3Key,
        String publicKey,
        String publicKeyId,
        String notifyUrl,
        Duration connectTimeout,
        Duration readTimeout) {

    /** Resolved once the server listens, so that a random port works too. */
    public static final String DEFAULT_NOTIFY_URL = "http://localhost:${local.server.port}/api/payments/wechat/notify";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

    public WechatProperties {
        notifyUrl = notifyUrl != null && !notifyUrl.isBlank() ? notifyUrl : DEFAULT_NOTIFY_URL;
        connectTimeout =
                ChannelSettings.positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "orderclock.channels.wechat");
        readTimeout = ChannelSettings.positive(readTimeout, DEFAULT_READ_TIMEOUT, "orderclock.channels.wechat");
    }

    @Override
    public String toString() {
        return "WechatProperties[baseUrl=" + baseUrl + ", mchid=" + mchid + ", appid=" + appid
                + ", merchantSerial=" + merchantSerial + ", privateKey=" + (privateKey == null ? "unset" : "set")
                + ", apiV3Key=" + (apiV3Key == null ? "unset" : "set") + ", publicKey="
                + (publicKey == null ? "unset" : "set")
                + ", publicKeyId=" + publicKeyId + ", notifyUrl=" + notifyUrl + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
