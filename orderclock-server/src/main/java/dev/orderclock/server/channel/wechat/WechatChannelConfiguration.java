package dev.orderclock.server.channel.wechat;

import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.server.channel.LocalServerPort;
import dev.orderclock.server.channel.alipay.RsaKeys;

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

import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code wechat} {@link PaymentChannel} from {@link WechatProperties}, present when any of its
 * {@link #PROPERTIES} is set; then all of them must be. It knows nothing of the simulator: when the
 * shop configures no channel at all, the simulator has put its own API root and keys into the
 * configuration before this reads it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WechatChannelConfiguration.Configured.class)
public class WechatChannelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WechatChannelConfiguration.class);
    private static final String PREFIX = "orderclock.channels.wechat.";

    /** Going live on WeChat Pay: the eight properties its merchant platform gives a shop. */
    public static final List<String> PROPERTIES = List.of(PREFIX + "base-url", PREFIX + "mchid", PREFIX + "appid",
            PREFIX + "merchant-serial", PREFIX + "private-key", PREFIX + "api-v3-key", PREFIX + "public-key",
            PREFIX + "public-key-id");

    /** Any of {@link #PROPERTIES} is set: one forgotten is a start-up failure naming it, not a missing channel. */
    static final class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            // Presence only: the simulator's values name a port not known yet.
            return PROPERTIES.stream().anyMatch(context.getEnvironment()::containsProperty);
        }
    }

    @Bean(WechatPayChannel.NAME)
    PaymentChannel wechat(WechatProperties settings, Environment environment, ObjectProvider<LocalServerPort> ports,
                          InstantSource clock, ObjectProvider<MeterRegistry> meters) {
        String baseUrl = required(settings.baseUrl(), "base-url");
        WechatAccount account = new WechatAccount(required(settings.mchid(), "mchid"), required(settings.appid(), "appid"),
                required(settings.merchantSerial(), "merchant-serial"),
                key(() -> RsaKeys.privateKey(required(settings.privateKey(), "private-key")), "private-key"),
                key(() -> new ApiV3Cipher(required(settings.apiV3Key(), "api-v3-key")), "api-v3-key"),
                key(() -> RsaKeys.publicKey(required(settings.publicKey(), "public-key")), "public-key"),
                required(settings.publicKeyId(), "public-key-id"));
        log.info("WeChat Pay channel: merchant {} app {} at {}, notified at {}", account.mchid(), account.appid(), baseUrl,
                settings.notifyUrl());
        LocalServerPort port = ports.getIfAvailable(() -> new LocalServerPort(environment));
        Supplier<String> base = port.resolvedOnUse(stripSlash(baseUrl));
        return new WechatPayChannel(account, base, port.resolvedOnUse(settings.notifyUrl()),
                new HttpWechatTransport(settings.connectTimeout(), settings.readTimeout()), clock,
                meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(PREFIX + name + " is not set: a real WeChat Pay channel needs all of "
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
