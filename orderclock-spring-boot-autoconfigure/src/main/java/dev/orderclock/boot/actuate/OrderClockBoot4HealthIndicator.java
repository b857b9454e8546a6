package dev.orderclock.boot.actuate;

import dev.orderclock.deadline.DeadlineEngine;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Boot 4's {@code orderclock} health (the interface moved to spring-boot-health): the same as Boot 3's. */
public class OrderClockBoot4HealthIndicator implements HealthIndicator {

    private final DeadlineEngine engine;

    public OrderClockBoot4HealthIndicator(DeadlineEngine engine) {
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
