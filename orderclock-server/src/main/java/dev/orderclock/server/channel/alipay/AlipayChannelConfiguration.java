package dev.orderclock.server.channel.alipay;

import dev.orderclock.payment.PaymentChannel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The {@code alipay} {@link PaymentChannel} from {@link AlipayProperties}. It knows nothing of the
 * simulator: when the shop configures nothing, the simulator has put its own gateway and keys into
 * the configuration before this reads it.
 */
@Configuration(proxyBeanMethods = false)
public class AlipayChannelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AlipayChannelConfiguration.class);
    private static final String PREFIX = "orderclock.channels.alipay.";

    @Bean(AlipayChannel.NAME)
    PaymentChannel alipay(AlipayProperties settings, Environment environment, InstantSource clock,
                          ObjectProvider<MeterRegistry> meters) {
        String gatewayUrl = required(settings.gatewayUrl(), "gateway-url");
        AlipayAccount account = new AlipayAccount(required(settings.appId(), "app-id"),
                key(() -> RsaKeys.privateKey(required(settings.privateKey(), "private-key")), "private-key"),
                key(() -> RsaKeys.publicKey(required(settings.alipayPublicKey(), "alipay-public-key")), "alipay-public-key"),
                settings.sellerId());
        log.info("Alipay channel: app {} at {}, notified at {}{}", account.appId(), gatewayUrl, settings.notifyUrl(),
                account.sellerId() == null ? "; notifications not checked for seller_id"
                        + " (set orderclock.channels.alipay.seller-id to the merchant's PID)" : "");
        Supplier<String> gateway = resolvedOnUse(gatewayUrl, environment);
        return new AlipayChannel(account, () -> URI.create(gateway.get()), resolvedOnUse(settings.notifyUrl(), environment),
                new HttpGatewayTransport(settings.connectTimeout(), settings.readTimeout()), clock,
                meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    /**
     * The text with its placeholders resolved at first use and then kept: {@code ${local.server.port}}
     * exists only once the server listens, after the beans are made.
     */
    static Supplier<String> resolvedOnUse(String template, Environment environment) {
        AtomicReference<String> resolved = new AtomicReference<>();
        return () -> {
            String value = resolved.get();
            if (value == null) {
                value = environment.resolveRequiredPlaceholders(template);
                resolved.set(value);
            }
            return value;
        };
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(PREFIX + name + " is not set (the built-in simulator sets it only while "
                    + "orderclock.sim.enabled is true and gateway-url is unset)");
        }
        return value.strip();
    }

    private static <T> T key(Supplier<T> parse, String name) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PREFIX + name + ": " + e.getMessage());
        }
    }
}
