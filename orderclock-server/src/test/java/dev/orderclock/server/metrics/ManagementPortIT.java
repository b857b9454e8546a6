package dev.orderclock.server.metrics;

import dev.orderclock.server.OrderclockApplication;
import dev.orderclock.server.testing.Api;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.server.port} set, metrics and health leave the public port for one an operator keeps
 * private: Prometheus scrapes it without a token; health details there are still the operator's.
 */
@SpringBootTest(
        classes = OrderclockApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:orderclock-${random.uuid};DB_CLOSE_DELAY=-1",
            "orderclock.admin-token=" + Api.OPERATOR_TOKEN,
            "management.server.port=0"
        })
@AutoConfigureObservability(tracing = false)
class ManagementPortIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void metricsAndHealthAreServedOnTheManagementPortOnly() {
        Api management = new Api(managementPort);
        Api service = new Api(port);

        assertThat(management.get("/actuator/prometheus").send()).hasStatus(200);
        assertThat(management.get("/actuator/prometheus").send().body()).contains("orderclock_deadlines_in_memory");
        assertThat(management
                        .get("/actuator/health")
                        .send()
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(management
                        .get("/actuator/health")
                        .asOperator()
                        .send()
                        .json()
                        .path("components")
                        .path("db")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(management.get("/actuator/health").send().json().has("components"))
                .isFalse();
        assertThat(service.get("/actuator/prometheus").send().status()).isEqualTo(404);
        assertThat(service.get("/").send()).hasStatus(200);
    }
}
