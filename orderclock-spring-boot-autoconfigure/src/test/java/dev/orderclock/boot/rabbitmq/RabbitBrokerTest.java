package dev.orderclock.boot.rabbitmq;

import dev.orderclock.boot.DeadlineTableException;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code spring.rabbitmq.*} read as Spring Boot reads it, without a broker. */
class RabbitBrokerTest {

    @Test
    void nothing_set_means_guest_on_localhost_5672_without_tls() {
        RabbitBroker broker = RabbitBroker.of(new MockEnvironment());

        assertThat(hostsAndPorts(broker)).containsExactly("localhost:5672");
        assertThat(broker.username()).isEqualTo("guest");
        assertThat(broker.virtualHost()).isEqualTo("/");
        assertThat(broker.ssl()).isFalse();
    }

    @Test
    void host_port_and_credentials_are_taken_when_there_are_no_addresses() {
        RabbitBroker broker = RabbitBroker.of(env(
                "spring.rabbitmq.host",
                "rabbit",
                "spring.rabbitmq.port",
                "5673",
                "spring.rabbitmq.username",
                "shop",
                "spring.rabbitmq.password",
                "secret",
                "spring.rabbitmq.virtual-host",
                "orders"));

        assertThat(hostsAndPorts(broker)).containsExactly("rabbit:5673");
        assertThat(broker)
                .extracting(RabbitBroker::username, RabbitBroker::password, RabbitBroker::virtualHost)
                .containsExactly("shop", "secret", "orders");
    }

    @Test
    void addresses_win_over_host_and_port_in_the_order_given() {
        RabbitBroker broker = RabbitBroker.of(env(
                "spring.rabbitmq.host",
                "ignored",
                "spring.rabbitmq.port",
                "1",
                "spring.rabbitmq.addresses",
                "rabbit1:5672, rabbit2 ,[::1]:5673"));

        assertThat(hostsAndPorts(broker)).containsExactly("rabbit1:5672", "rabbit2:5672", "::1:5673");
    }

    @Test
    void addresses_written_as_a_yaml_list_are_read_too() {
        RabbitBroker broker = RabbitBroker.of(
                env("spring.rabbitmq.addresses[0]", "rabbit1:5672", "spring.rabbitmq.addresses[1]", "rabbit2:5673"));

        assertThat(hostsAndPorts(broker)).containsExactly("rabbit1:5672", "rabbit2:5673");
    }

    @Test
    void the_first_address_credentials_virtual_host_and_scheme_win_as_in_spring_boot() {
        RabbitBroker broker = RabbitBroker.of(env(
                "spring.rabbitmq.username",
                "guest",
                "spring.rabbitmq.addresses",
                "amqps://shop:s3cret@rabbit1/orders,rabbit2"));

        assertThat(hostsAndPorts(broker)).containsExactly("rabbit1:5671", "rabbit2:5671");
        assertThat(broker)
                .extracting(
                        RabbitBroker::username, RabbitBroker::password, RabbitBroker::virtualHost, RabbitBroker::ssl)
                .containsExactly("shop", "s3cret", "orders", true);
        assertThat(broker.toString()).doesNotContain("s3cret");
    }

    @Test
    void ssl_enabled_moves_the_default_port_to_5671_and_gives_a_tls_factory_that_checks_the_host_name() {
        MockEnvironment environment = env("spring.rabbitmq.host", "rabbit", "spring.rabbitmq.ssl.enabled", "true");
        RabbitBroker broker = RabbitBroker.of(environment);

        ConnectionFactory factory = broker.connectionFactory(environment);

        assertThat(hostsAndPorts(broker)).containsExactly("rabbit:5671");
        assertThat(factory.isSSL()).isTrue();
        assertThat(broker.verifyHostname()).isTrue();
    }

    @Test
    void without_ssl_the_factory_is_plain() {
        MockEnvironment environment = env("spring.rabbitmq.addresses", "amqp://127.0.0.1:5672");

        assertThat(RabbitBroker.of(environment).connectionFactory(environment).isSSL())
                .isFalse();
    }

    @Test
    void an_address_with_a_port_that_is_not_a_number_fails_without_quoting_the_password() {
        assertThatThrownBy(() -> RabbitBroker.of(env("spring.rabbitmq.addresses", "amqp://shop:s3cret@rabbit:amqp")))
                .isInstanceOf(DeadlineTableException.class)
                .hasMessageContaining("'rabbit:amqp' has no numeric port")
                .hasMessageNotContaining("s3cret");
    }

    private static MockEnvironment env(String... pairs) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < pairs.length; i += 2) {
            environment.setProperty(pairs[i], pairs[i + 1]);
        }
        return environment;
    }

    private static List<String> hostsAndPorts(RabbitBroker broker) {
        return broker.addresses().stream()
                .map((Address a) -> a.getHost() + ":" + a.getPort())
                .toList();
    }
}
