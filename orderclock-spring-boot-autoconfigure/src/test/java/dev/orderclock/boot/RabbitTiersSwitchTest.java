package dev.orderclock.boot;

import dev.orderclock.boot.rabbitmq.OrderClockRabbitAutoConfiguration;
import dev.orderclock.rabbitmq.RabbitDeadlineScheduler;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The switch {@code orderclock.cluster.rabbitmq.enabled}, without a broker: off by default, and refused without the module. */
class RabbitTiersSwitchTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    SqlInitializationAutoConfiguration.class,
                    OrderClockAutoConfiguration.class,
                    OrderClockRabbitAutoConfiguration.class))
            .withPropertyValues(
                    "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
                    "spring.sql.init.schema-locations=classpath:shop-schema.sql",
                    "orderclock.deadlines.payment-timeout.table=t_order",
                    "orderclock.deadlines.payment-timeout.due-column=pay_expire_time",
                    "orderclock.deadlines.payment-timeout.pending=status = 0",
                    "orderclock.deadlines.payment-timeout.close=status = 40, close_time = :now");

    @Test
    void without_the_switch_no_broker_is_touched_and_deadlines_go_to_the_engine() {
        runner.run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(RabbitDeadlineScheduler.class)
                    .doesNotHaveBean(OrderClockRabbitAutoConfiguration.class);
            assertThat(context).hasSingleBean(Deadlines.class);
        });
    }

    @Test
    void the_switch_without_orderclock_rabbitmq_on_the_class_path_fails_start_up_naming_the_dependency() {
        runner.withClassLoader(new FilteredClassLoader("dev.orderclock.rabbitmq"))
                .withPropertyValues("orderclock.cluster.rabbitmq.enabled=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(DeadlineTableException.class)
                            .hasMessageContaining("orderclock-rabbitmq is not on the class path");
                });
    }
}
