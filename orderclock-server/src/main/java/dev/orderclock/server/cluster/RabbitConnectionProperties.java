package dev.orderclock.server.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The broker's address in Spring Boot's standard {@code spring.rabbitmq.*} properties, which a shop's
 * operators already know; bound here because the server uses the plain amqp-client, not Spring AMQP.
 */
@ConfigurationProperties("spring.rabbitmq")
public record RabbitConnectionProperties(
        String host, Integer port, String username, String password, String virtualHost) {

    public RabbitConnectionProperties {
        host = host != null ? host : "localhost";
        port = port != null ? port : 5672;
        username = username != null ? username : "guest";
        password = password != null ? password : "guest";
        virtualHost = virtualHost != null ? virtualHost : "/";
    }
}
