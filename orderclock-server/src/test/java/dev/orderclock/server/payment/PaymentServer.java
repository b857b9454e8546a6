package dev.orderclock.server.payment;

import dev.orderclock.server.OrderclockApplication;
import dev.orderclock.server.testing.Api;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole server with the simulator, over a private in-memory H2, with the payment jobs and
 * back-offs compressed for end-to-end tests: query-before-close retries within a second, refunds
 * every 300 ms, the simulator's notification retries compressed a thousandfold, auto-confirm after
 * 2 s. Classes using it share one context; they set the simulator's faults per test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = OrderclockApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:orderclock-${random.uuid};DB_CLOSE_DELAY=-1",
            "orderclock.admin-token=" + Api.OPERATOR_TOKEN,
            "orderclock.payments.min-backoff=200ms",
            "orderclock.payments.max-backoff=1s",
            "orderclock.payments.refund-interval=300ms",
            "orderclock.payments.reconcile-interval=300ms",
            "orderclock.auto-confirm=2s",
            "orderclock.sim.retry-scale=0.001",
            "orderclock.limits.enabled=false"
        })
public @interface PaymentServer {}
