package dev.orderclock.server.testing;

import dev.orderclock.server.OrderclockApplication;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole server on a random port, over a private in-memory H2 (never {@code ./data}). Every test
 * class that uses it shares one context, so tests make their own products and users.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = OrderclockApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:orderclock-${random.uuid};DB_CLOSE_DELAY=-1",
            "orderclock.admin-token=" + Api.OPERATOR_TOKEN,
            // Shared by tests about other things, which place many orders per shopper; LimitsIT
            // runs this server with the shop's limits on.
            "orderclock.limits.enabled=false"
        })
@AutoConfigureObservability(tracing = false) // metrics exported as in production: /actuator/prometheus
public @interface RunningServer {}
