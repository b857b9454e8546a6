package dev.orderclock.test;

import dev.orderclock.boot.OrderClockStarter;
import dev.orderclock.deadline.DeadlineEngine;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What {@link OrderClockTest} adds to the test's context: the engine's clock as a {@link TestClock},
 * a starter that never starts the engine's own threads, and the {@link OrderClockDriver}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OrderClockTestConfiguration {

    @Bean
    TestClock orderclockClock() {
        return TestClock.startingNow();
    }

    @Bean
    OrderClockStarter orderclockManualStarter(DeadlineEngine engine) {
        return OrderClockStarter.manual(engine);
    }

    @Bean
    OrderClockDriver orderclockDriver(TestClock orderclockClock, DeadlineEngine engine) {
        return new OrderClockDriver(orderclockClock, engine);
    }
}
