package dev.orderclock.server.cluster;

import com.rabbitmq.client.Connection;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@code rabbit} in {@code /actuator/health}: up while the connection is open (it recovers by itself). */
final class RabbitHealthIndicator implements HealthIndicator {

    private final Connection connection;

    RabbitHealthIndicator(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        Health.Builder health =
                connection.isOpen() ? Health.up() : Health.down().withDetail("recovering", true);
        Object version = connection.getServerProperties().get("version");
        return health.withDetail("version", String.valueOf(version)).build();
    }
}
