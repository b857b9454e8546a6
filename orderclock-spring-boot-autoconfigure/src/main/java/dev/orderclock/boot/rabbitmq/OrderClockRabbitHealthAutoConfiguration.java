package dev.orderclock.boot.rabbitmq;

import com.rabbitmq.client.Connection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code orderclockRabbit} health indicator of the starter's own RabbitMQ connection (the delay
 * tiers), in Boot 3's package or Boot 4's, each in a nested configuration guarded by its own class
 * name. Off with {@code management.health.orderclock-rabbit.enabled=false}.
 */
@AutoConfiguration(after = OrderClockRabbitAutoConfiguration.class)
@ConditionalOnClass(name = "com.rabbitmq.client.Connection")
@ConditionalOnBean(name = OrderClockRabbitHealthAutoConfiguration.CONNECTION_BEAN)
@ConditionalOnProperty(
        name = "management.health.orderclock-rabbit.enabled",
        havingValue = "true",
        matchIfMissing = true)
public class OrderClockRabbitHealthAutoConfiguration {

    static final String CONNECTION_BEAN = "orderclockRabbitConnection";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3 {
        @Bean(name = "orderclockRabbitHealthIndicator")
        @ConditionalOnMissingBean(name = "orderclockRabbitHealthIndicator")
        OrderClockRabbitHealthIndicator orderclockRabbitHealthIndicator(
                @Qualifier(CONNECTION_BEAN) Connection connection) {
            return new OrderClockRabbitHealthIndicator(connection);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {
        @Bean(name = "orderclockRabbitHealthContributor")
        @ConditionalOnMissingBean(name = "orderclockRabbitHealthContributor")
        OrderClockRabbitBoot4HealthIndicator orderclockRabbitHealthContributor(
                @Qualifier(CONNECTION_BEAN) Connection connection) {
            return new OrderClockRabbitBoot4HealthIndicator(connection);
        }
    }
}
