package dev.orderclock.boot.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The {@code orderclockRabbit} health of the starter's connection, on a stand-in connection (the real one: RabbitDelayTiersStarterIT). */
class OrderClockRabbitHealthTest {

    private final Connection connection = mock(Connection.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrderClockRabbitHealthAutoConfiguration.class))
            .withBean("orderclockRabbitConnection", Connection.class, () -> connection);

    @Test
    void an_open_connection_is_up_with_the_broker_it_is_connected_to() {
        when(connection.isOpen()).thenReturn(true);
        when(connection.getAddress()).thenReturn(InetAddress.getLoopbackAddress());
        when(connection.getPort()).thenReturn(5672);

        Health health = new OrderClockRabbitHealthIndicator(connection).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("broker", "127.0.0.1:5672")
                .containsEntry("state", "open");
    }

    @Test
    void a_closed_or_recovering_connection_is_down_with_why_it_closed() {
        ShutdownSignalException reason = new ShutdownSignalException(true, false, null, connection);
        when(connection.isOpen()).thenReturn(false);
        when(connection.getCloseReason()).thenReturn(reason);

        Health health = new OrderClockRabbitHealthIndicator(connection).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "closed").containsKey("closeReason");
    }

    @Test
    void boot_4s_indicator_says_the_same() {
        when(connection.isOpen()).thenReturn(false);

        assertThat(new OrderClockRabbitBoot4HealthIndicator(connection).health().getStatus())
                .isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
    }

    @Test
    void each_indicator_is_conditional_on_its_own_boots_class_name() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health.contributor"))
                .run(context -> assertThat(context)
                        .hasSingleBean(OrderClockRabbitHealthIndicator.class)
                        .doesNotHaveBean(OrderClockRabbitBoot4HealthIndicator.class)
                        .hasBean("orderclockRabbitHealthIndicator"));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.health"))
                .run(context -> assertThat(context)
                        .doesNotHaveBean(OrderClockRabbitHealthIndicator.class)
                        .hasSingleBean(OrderClockRabbitBoot4HealthIndicator.class));
    }

    @Test
    void there_is_no_indicator_without_the_starters_connection_or_when_switched_off() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrderClockRabbitHealthAutoConfiguration.class))
                .run(context ->
                        assertThat(context).hasNotFailed().doesNotHaveBean(OrderClockRabbitHealthIndicator.class));
        runner.withPropertyValues("management.health.orderclock-rabbit.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(OrderClockRabbitHealthIndicator.class));
    }
}
