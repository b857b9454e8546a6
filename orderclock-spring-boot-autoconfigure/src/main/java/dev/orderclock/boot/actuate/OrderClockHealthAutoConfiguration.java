package dev.orderclock.boot.actuate;

import dev.orderclock.boot.OrderClockAutoConfiguration;
import dev.orderclock.deadline.DeadlineEngine;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code orderclock} health indicator, in Boot 3's package or Boot 4's, each in a nested
 * configuration guarded by its own class name, so neither loads a class the other Boot lacks.
 * Off with {@code management.health.orderclock.enabled=false}.
 */
@AutoConfiguration(after = OrderClockAutoConfiguration.class)
@ConditionalOnBean(DeadlineEngine.class)
@ConditionalOnProperty(name = "management.health.orderclock.enabled", havingValue = "true", matchIfMissing = true)
public class OrderClockHealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3 {
        @Bean(name = "orderclockHealthIndicator")
        @ConditionalOnMissingBean(name = "orderclockHealthIndicator")
        OrderClockHealthIndicator orderclockHealthIndicator(DeadlineEngine engine) {
            return new OrderClockHealthIndicator(engine);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {
        @Bean(name = "orderclockHealthContributor")
        @ConditionalOnMissingBean(name = "orderclockHealthContributor")
        OrderClockBoot4HealthIndicator orderclockHealthContributor(DeadlineEngine engine) {
            return new OrderClockBoot4HealthIndicator(engine);
        }
    }
}
