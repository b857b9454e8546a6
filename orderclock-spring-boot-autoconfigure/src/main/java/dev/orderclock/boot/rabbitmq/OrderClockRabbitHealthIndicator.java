package dev.orderclock.boot.rabbitmq;

import com.rabbitmq.client.Connection;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Boot 3's {@code orderclockRabbit} health: UP while the starter's RabbitMQ connection is open. */
public class OrderClockRabbitHealthIndicator implements HealthIndicator {

    private final Connection connection;

    public OrderClockRabbitHealthIndicator(Connection connection) {
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
