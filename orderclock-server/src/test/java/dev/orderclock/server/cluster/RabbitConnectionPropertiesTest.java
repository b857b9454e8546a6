package dev.orderclock.server.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RabbitConnectionPropertiesTest {

    @Test
    void unsetPropertiesAreALocalBrokerWithItsGuestAccount() {
        assertThat(bind(Map.of())).isEqualTo(new RabbitConnectionProperties("localhost", 5672, "guest", "guest", "/"));
    }

    @Test
    void setPropertiesBindFromSpringBootsNamesAndTheRestKeepTheirDefaults() {
        RabbitConnectionProperties bound = bind(Map.of(
                "spring.rabbitmq.host", "127.0.0.1",
                "spring.rabbitmq.port", "5673",
                "spring.rabbitmq.virtual-host", "shop"));

        assertThat(bound).isEqualTo(new RabbitConnectionProperties("127.0.0.1", 5673, "guest", "guest", "shop"));
    }

    private static RabbitConnectionProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("spring.rabbitmq", RabbitConnectionProperties.class);
    }
}
