package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineInbox;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.deadline.SweepTurn;
import dev.orderclock.order.AutoConfirmSource;
import dev.orderclock.order.OpenAttemptCheck;
import dev.orderclock.order.OrderStore;
import dev.orderclock.order.PaymentTimeoutSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/** The embedded deadline engine: payment timeouts and auto-confirms, started and stopped with the context. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    /**
     * Where the payment side hands the payment timeouts' retries and cancellations: made before the engine
     * and the payment side, so that neither holds the other (the engine fires the source, which holds the check).
     */
    @Bean
    DeadlineInbox paymentDeadlineInbox() {
        return new DeadlineInbox();
    }

    /**
     * Overdue orders with an open payment attempt go to the payment side's check (query before close), if
     * there is one, claimed for {@code orderclock.payments.check-claim} (read here: the payment package
     * depends on this one). The check is made first: it reaches the engine only through the inbox.
     */
    @Bean
    PaymentTimeoutSource paymentTimeoutSource(
            OrderStore orders, Optional<OpenAttemptCheck> openAttempts, Environment environment) {
        Duration checkClaim = environment.getProperty(
                "orderclock.payments.check-claim", Duration.class, PaymentTimeoutSource.DEFAULT_CHECK_CLAIM);
        return new PaymentTimeoutSource(orders, openAttempts.orElse(OpenAttemptCheck.NONE), checkClaim);
    }

    @Bean
    AutoConfirmSource autoConfirmSource(OrderStore orders) {
        return new AutoConfirmSource(orders);
    }

    @Bean
    DeadlineEngine deadlineEngine(
            InstantSource clock,
            EngineProperties settings,
            PaymentTimeoutSource payments,
            DeadlineInbox paymentDeadlineInbox,
            AutoConfirmSource autoConfirm,
            ObjectProvider<EngineListener> listeners,
            ObjectProvider<SweepTurn> turns,
            Environment environment) {
        return settings.applyTo(DeadlineEngine.builder(clock))
                // In cluster mode the RabbitMQ delay tiers fire the deadlines: no horizon to load.
                .horizonLoading(!isCluster(environment))
                .source(payments)
                .inbox(payments, paymentDeadlineInbox)
                // Days away: a coarser safety net, for fewer idle looks at the database.
                .source(autoConfirm, settings.autoConfirmSweepInterval())
                .listener(new EngineListeners(listeners.orderedStream().toList()))
                // Cluster: one node's sweeper looks for all (LookingTurn); embedded: always this one.
                .sweepTurn(turns.getIfAvailable(() -> SweepTurn.ALWAYS))
                .build();
    }

    @Bean
    EngineLifecycle engineLifecycle(DeadlineEngine engine) {
        return new EngineLifecycle(engine);
    }

    @Bean
    PaymentDeadlines paymentDeadlines(DeadlineInbox paymentDeadlineInbox) {
        return new PaymentDeadlines(paymentDeadlineInbox);
    }

    /** {@code cluster} or {@code embedded}, from the active profiles. */
    public static String mode(Environment environment) {
        return isCluster(environment) ? "cluster" : "embedded";
    }

    private static boolean isCluster(Environment environment) {
        return environment.acceptsProfiles(Profiles.of("cluster"));
    }

    @Bean
    MeterBinder deadlinesInMemory(DeadlineEngine engine) {
        return registry -> Gauge.builder("orderclock.deadlines.in.memory", engine, DeadlineEngine::inMemory)
                .description("Deadlines held in the timing wheels and in firing batches")
                .register(registry);
    }
}
