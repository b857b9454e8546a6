package dev.orderclock.boot;

import dev.orderclock.boot.actuate.OrderClockBoot4HealthIndicator;
import dev.orderclock.boot.actuate.OrderClockHealthAutoConfiguration;
import dev.orderclock.boot.actuate.OrderClockHealthIndicator;
import dev.orderclock.boot.actuate.OrderClockMetricsAutoConfiguration;
import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.testing.ManualClock;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Health and meters, each present only when its library is, under the service's names. */
class OrderClockActuatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    SqlInitializationAutoConfiguration.class,
                    MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class,
                    OrderClockAutoConfiguration.class,
                    OrderClockMetricsAutoConfiguration.class,
                    OrderClockHealthAutoConfiguration.class))
            .withPropertyValues(
                    "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
                    "spring.sql.init.schema-locations=classpath:shop-schema.sql",
                    "orderclock.deadlines.payment-timeout.table=t_order",
                    "orderclock.deadlines.payment-timeout.due-column=pay_expire_time",
                    "orderclock.deadlines.payment-timeout.pending=status = 0",
                    "orderclock.deadlines.payment-timeout.close=status = 40, close_time = :now");

    @Test
    void the_health_indicator_is_up_with_the_state_while_the_engine_runs_and_down_once_stopped() {
        runner.run(context -> {
            OrderClockHealthIndicator indicator = context.getBean(OrderClockHealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThat(indicator.health().getDetails()).containsEntry("state", "started");

            context.getBean(DeadlineEngine.class).stop();

            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(indicator.health().getDetails()).containsEntry("state", "stopped");
        });
    }

    @Test
    void each_health_indicator_is_conditional_on_its_own_boots_class_name() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health.contributor"))
                .run(context -> assertThat(context)
                        .hasSingleBean(OrderClockHealthIndicator.class)
                        .doesNotHaveBean(OrderClockBoot4HealthIndicator.class));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.health"))
                .run(context -> assertThat(context)
                        .doesNotHaveBean(OrderClockHealthIndicator.class)
                        .hasSingleBean(OrderClockBoot4HealthIndicator.class));
    }

    @Test
    void the_health_indicator_can_be_switched_off() {
        runner.withPropertyValues("management.health.orderclock.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrderClockHealthIndicator.class));
    }

    @Test
    void closes_are_counted_and_timed_per_source_under_the_services_meter_names() {
        runner.withUserConfiguration(ManualEngine.class).run(context -> {
            new JdbcTemplate(context.getBean(javax.sql.DataSource.class))
                    .update(
                            "INSERT INTO t_order (id, status, pay_expire_time) VALUES (1, 0, TIMESTAMP '2026-01-01 00:09:59')");

            context.getBean(DeadlineEngine.class).runOnce();

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("orderclock.orders.closed")
                            .tag("source", "payment-timeout")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(registry.get("orderclock.close.lag")
                            .tag("source", "payment-timeout")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("orderclock.deadlines.in.memory").gauge().value())
                    .isZero();
        });
    }

    @Test
    void without_micrometer_there_are_no_meters_and_the_engine_still_starts() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(DeadlineEngine.class)
                        .doesNotHaveBean("orderclockMeters"));
    }

    @Configuration(proxyBeanMethods = false)
    static class ManualEngine {
        @Bean
        ManualClock orderclockClock() {
            return new ManualClock(Instant.parse("2026-01-01T00:10:00Z"));
        }

        @Bean
        OrderClockStarter manualStarter(DeadlineEngine engine) {
            return OrderClockStarter.manual(engine);
        }
    }
}
