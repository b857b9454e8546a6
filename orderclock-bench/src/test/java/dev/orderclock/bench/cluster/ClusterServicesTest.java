package dev.orderclock.bench.cluster;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterServicesTest {

    @Test
    void theRunDatabaseIsTheSameServerWithAnotherNameAndTheSameParameters() {
        ClusterServices services = services("jdbc:postgresql://127.0.0.1:5432/test?sslmode=disable");

        assertThat(services.urlOf("orderclock_bench_abc"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/orderclock_bench_abc?sslmode=disable");
    }

    @Test
    void aPostgresUrlWithoutADatabaseIsRefused() {
        assertThatThrownBy(() -> services("jdbc:postgresql://127.0.0.1:5432").urlOf("x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRabbitUriGivesHostPortCredentialsAndTheEncodedDefaultVirtualHost() {
        ClusterServices services = new ClusterServices(
                "jdbc:postgresql://h/test", "postgres", "", URI.create("amqp://bench:secret@10.0.0.5:5673/%2F"));

        assertThat(services.rabbitHost()).isEqualTo("10.0.0.5");
        assertThat(services.rabbitPort()).isEqualTo(5673);
        assertThat(services.rabbitUser()).isEqualTo("bench");
        assertThat(services.rabbitPassword()).isEqualTo("secret");
        assertThat(services.rabbitVirtualHost()).isEqualTo("/");
    }

    @Test
    void aRabbitUriWithoutPortCredentialsOrPathFallsBackToTheDefaults() {
        ClusterServices services =
                new ClusterServices("jdbc:postgresql://h/test", "postgres", "", URI.create("amqp://127.0.0.1"));

        assertThat(services.rabbitPort()).isEqualTo(5672);
        assertThat(services.rabbitUser()).isEqualTo("guest");
        assertThat(services.rabbitVirtualHost()).isEqualTo("/");
    }

    private static ClusterServices services(String postgres) {
        return new ClusterServices(postgres, "postgres", "", URI.create("amqp://guest:guest@127.0.0.1:5672/%2F"));
    }
}
