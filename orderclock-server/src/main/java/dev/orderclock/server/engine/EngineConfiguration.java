package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.order.OrderStore;
import dev.orderclock.order.PaymentTimeoutSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.InstantSource;

/** The embedded deadline engine: one source (payment timeouts), started and stopped with the context. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    @Bean
    PaymentTimeoutSource paymentTimeoutSource(OrderStore orders) {
        return new PaymentTimeoutSource(orders);
    }

    @Bean
    DeadlineEngine deadlineEngine(InstantSource clock, EngineProperties settings, PaymentTimeoutSource payments,
                                  ObjectProvider<EngineListener> listeners) {
        return settings.applyTo(DeadlineEngine.builder(clock))
                .source(payments)
                .listener(new EngineListeners(listeners.orderedStream().toList()))
                .build();
    }

    @Bean
    EngineLifecycle engineLifecycle(DeadlineEngine engine) {
        return new EngineLifecycle(engine);
    }

    @Bean
    PaymentDeadlines paymentDeadlines(DeadlineEngine engine, PaymentTimeoutSource payments) {
        return new PaymentDeadlines(engine, payments);
    }

    @Bean
    MeterBinder deadlinesInMemory(DeadlineEngine engine) {
        return registry -> Gauge.builder("orderclock.deadlines.in.memory", engine, DeadlineEngine::inMemory)
                .description("Deadlines held in the timing wheels and in firing batches")
                .register(registry);
    }
}
