package dev.orderclock.server.channel.alipay;

import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.server.channel.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.net.URI;
import java.time.InstantSource;
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
public class AlipayChannelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AlipayChannelConfiguration.class);
    private static final String PREFIX = "orderclock.channels.alipay.";

    /** Going live on Alipay: the four properties its console gives a shop. */
    public static final List<String> PROPERTIES = List.of(PREFIX + "gateway-url", PREFIX + "app-id",
            PREFIX + "private-key", PREFIX + "alipay-public-key");

    /** Any of {@link #PROPERTIES} is set: one forgotten is a start-up failure naming it, not a missing channel. */
    static final class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            // Presence only: the simulator's values name a port not known yet.
            return PROPERTIES.stream().anyMatch(context.getEnvironment()::containsProperty);
        }
    }

    @Bean(AlipayChannel.NAME)
    PaymentChannel alipay(AlipayProperties settings, Environment environment, ObjectProvider<LocalServerPort> ports,
                          InstantSource clock, ObjectProvider<MeterRegistry> meters) {
        String gatewayUrl = required(settings.gatewayUrl(), "gateway-url");
        AlipayAccount account = new AlipayAccount(required(settings.appId(), "app-id"),
                key(() -> RsaKeys.privateKey(required(settings.privateKey(), "private-key")), "private-key"),
                key(() -> RsaKeys.publicKey(required(settings.alipayPublicKey(), "alipay-public-key")), "alipay-public-key"),
                settings.sellerId());
        log.info("Alipay channel: app {} at {}, notified at {}{}", account.appId(), gatewayUrl, settings.notifyUrl(),
                account.sellerId() == null ? "; notifications not checked for seller_id"
                        + " (set orderclock.channels.alipay.seller-id to the merchant's PID)" : "");
        LocalServerPort port = ports.getIfAvailable(() -> new LocalServerPort(environment));
        Supplier<String> gateway = port.resolvedOnUse(gatewayUrl);
        return new AlipayChannel(account, () -> URI.create(gateway.get()), port.resolvedOnUse(settings.notifyUrl()),
                new HttpGatewayTransport(settings.connectTimeout(), settings.readTimeout()), clock,
                meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(PREFIX + name + " is not set: a real Alipay channel needs all of "
                    + PROPERTIES + " (the built-in simulator sets them only while orderclock.sim.enabled is true and "
                    + "no real channel property is set)");
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
