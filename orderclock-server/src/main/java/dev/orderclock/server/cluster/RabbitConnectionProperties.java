package dev.orderclock.server.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The broker's address in Spring Boot's standard {@code spring.rabbitmq.*} properties, which a shop's
 * operators already know; bound here because the server uses the plain amqp-client, not Spring AMQP.
 */
@ConfigurationProperties("spring.rabbitmq")
public record RabbitConnectionProperties(
        @DefaultValue("localhost") String host,
        @DefaultValue("5672") int port,
        @DefaultValue("guest") String username,
        @DefaultValue("guest") String password,
        @DefaultValue("/") String virtualHost) {}
