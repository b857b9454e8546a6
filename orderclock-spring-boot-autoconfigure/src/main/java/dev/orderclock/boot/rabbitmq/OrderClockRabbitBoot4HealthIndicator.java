package dev.orderclock.boot.rabbitmq;

import com.rabbitmq.client.Connection;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Boot 4's {@code orderclockRabbit} health (the interface moved to spring-boot-health): the same as Boot 3's. */
public class OrderClockRabbitBoot4HealthIndicator implements HealthIndicator {

    private final Connection connection;

    public OrderClockRabbitBoot4HealthIndicator(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        RabbitConnectionHealth health = RabbitConnectionHealth.of(connection);
        return (health.up() ? Health.up() : Health.down())
                .withDetails(health.details())
                .build();
    }
}
