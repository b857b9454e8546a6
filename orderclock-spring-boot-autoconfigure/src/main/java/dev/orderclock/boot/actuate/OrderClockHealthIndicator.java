package dev.orderclock.boot.actuate;

import dev.orderclock.deadline.DeadlineEngine;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Boot 3's {@code orderclock} health: UP while the engine runs, with its state. */
public class OrderClockHealthIndicator implements HealthIndicator {

    private final DeadlineEngine engine;

    public OrderClockHealthIndicator(DeadlineEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        OrderClockHealth health = OrderClockHealth.of(engine);
        return (health.up() ? Health.up() : Health.down())
                .withDetails(health.details())
                .build();
    }
}
