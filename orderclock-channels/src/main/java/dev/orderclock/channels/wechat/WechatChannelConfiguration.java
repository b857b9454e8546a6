package dev.orderclock.channels.wechat;

import dev.orderclock.channels.keys.RsaKeys;
import dev.orderclock.channels.settings.AnyPropertySet;
import dev.orderclock.channels.settings.ChannelHost;
import dev.orderclock.channels.settings.ChannelHostConfiguration;
import dev.orderclock.channels.settings.ChannelSettings;
import dev.orderclock.payment.PaymentChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.List;

/**
 * The {@code wechat} {@link PaymentChannel} from {@link WechatProperties}, present when any of its
 * {@link #PROPERTIES} is set; then all of them must be. It knows nothing of the simulator: when the
 * shop configures no channel at all, the simulator has put its own API root and keys into the
 * configuration before this reads it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WechatChannelConfiguration.Configured.class)
@EnableConfigurationProperties(WechatProperties.class)
@Import(ChannelHostConfiguration.class)
public class WechatChannelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WechatChannelConfiguration.class);
    private static final String PREFIX = "orderclock.channels.wechat.";

    /** Going live on WeChat Pay: the eight properties its merchant platform gives a shop. */
    public static final List<String> PROPERTIES = List.of(
            PREFIX + "base-url",
            PREFIX + "mchid",
            PREFIX + "appid",
            PREFIX + "merchant-serial",
            PREFIX + "private-key",
            PREFIX + "api-v3-key",
            PREFIX + "public-key",
            PREFIX + "public-key-id");

    private static final ChannelSettings SETTINGS =
            new ChannelSettings(PREFIX, "a real WeChat Pay channel", PROPERTIES);

    /** Any of {@link #PROPERTIES} is set. */
    static final class Configured extends AnyPropertySet {

        Configured() {
            super(PROPERTIES);
        }
    }

    @Bean(WechatPayChannel.NAME)
    PaymentChannel wechat(WechatProperties settings, ChannelHost host) {
        ChannelSettings s = SETTINGS;
        String baseUrl = s.required(settings.baseUrl(), "base-url");
        WechatAccount account = new WechatAccount(
                s.required(settings.mchid(), "mchid"),
                s.required(settings.appid(), "appid"),
                s.required(settings.merchantSerial(), "merchant-serial"),
                s.key(() -> RsaKeys.privateKey(s.required(settings.privateKey(), "private-key")), "private-key"),
                s.key(() -> new ApiV3Cipher(s.required(settings.apiV3Key(), "api-v3-key")), "api-v3-key"),
                s.key(() -> RsaKeys.publicKey(s.required(settings.publicKey(), "public-key")), "public-key"),
                s.required(settings.publicKeyId(), "public-key-id"));
        log.info(
                "WeChat Pay channel: merchant {} app {} at {}, notified at {}",
                account.mchid(),
                account.appid(),
                baseUrl,
                settings.notifyUrl());
        return new WechatPayChannel(
                account,
                host.address(stripSlash(baseUrl)),
                host.address(settings.notifyUrl()),
                new HttpWechatTransport(settings.connectTimeout(), settings.readTimeout()),
                host.clock(),
                host.meters());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
