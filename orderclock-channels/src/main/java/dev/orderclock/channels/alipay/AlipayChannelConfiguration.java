package dev.orderclock.channels.alipay;

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

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code alipay} {@link PaymentChannel} from {@link AlipayProperties}, present when any of its
 * {@link #PROPERTIES} is set; then all of them must be. It knows nothing of the simulator: when the
 * shop configures no channel at all, the simulator has put its own gateway and keys into the
 * configuration before this reads it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AlipayChannelConfiguration.Configured.class)
@EnableConfigurationProperties(AlipayProperties.class)
@Import(ChannelHostConfiguration.class)
public class AlipayChannelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AlipayChannelConfiguration.class);
    private static final String PREFIX = "orderclock.channels.alipay.";

    /** Going live on Alipay: the four properties its console gives a shop. */
    public static final List<String> PROPERTIES =
            List.of(PREFIX + "gateway-url", PREFIX + "app-id", PREFIX + "private-key", PREFIX + "alipay-public-key");

    private static final ChannelSettings SETTINGS = new ChannelSettings(PREFIX, "a real Alipay channel", PROPERTIES);

    /** Any of {@link #PROPERTIES} is set. */
    static final class Configured extends AnyPropertySet {

        Configured() {
            super(PROPERTIES);
        }
    }

    @Bean(AlipayChannel.NAME)
    PaymentChannel alipay(AlipayProperties settings, ChannelHost host) {
        ChannelSettings s = SETTINGS;
        String gatewayUrl = s.required(settings.gatewayUrl(), "gateway-url");
        AlipayAccount account = new AlipayAccount(
                s.required(settings.appId(), "app-id"),
                s.key(() -> RsaKeys.privateKey(s.required(settings.privateKey(), "private-key")), "private-key"),
                s.key(
                        () -> RsaKeys.publicKey(s.required(settings.alipayPublicKey(), "alipay-public-key")),
                        "alipay-public-key"),
                settings.sellerId());
        log.info(
                "Alipay channel: app {} at {}, notified at {}{}",
                account.appId(),
                gatewayUrl,
                settings.notifyUrl(),
                account.sellerId() == null
                        ? "; notifications not checked for seller_id"
                                + " (set orderclock.channels.alipay.seller-id to the merchant's PID)"
                        : "");
        Supplier<String> gateway = host.address(gatewayUrl);
        return new AlipayChannel(
                account,
                () -> URI.create(gateway.get()),
                host.address(settings.notifyUrl()),
                new HttpGatewayTransport(settings.connectTimeout(), settings.readTimeout()),
                host.clock(),
                host.meters());
    }
}
