package dev.orderclock.channels.settings;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.InstantSource;

/**
 * The {@link ChannelHost} every configured channel is made with: the host's {@link AddressResolver}
 * (or the environment's placeholders when it has none) and meter registry (or one of its own).
 */
@Configuration(proxyBeanMethods = false)
public class ChannelHostConfiguration {

    @Bean
    ChannelHost orderclockChannelHost(
            Environment environment,
            ObjectProvider<AddressResolver> resolvers,
            InstantSource clock,
            ObjectProvider<MeterRegistry> meters) {
        return new ChannelHost(
                resolvers.getIfAvailable(() -> environment::resolveRequiredPlaceholders),
                clock,
                meters.getIfAvailable(CompositeMeterRegistry::new));
    }
}
