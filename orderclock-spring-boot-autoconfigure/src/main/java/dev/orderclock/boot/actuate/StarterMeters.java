package dev.orderclock.boot.actuate;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.deadline.Fired;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The engine's work under the service's meter names, tagged by source: close lag
 * ({@code orderclock_close_lag_seconds}: from a row's due time to its close), rows closed
 * ({@code orderclock_orders_closed_total}), deadlines held ({@code orderclock_deadlines_in_memory}),
 * sweeper claims, failed closing transactions and horizon loads.
 */
public class StarterMeters implements EngineListener {

    private final MeterRegistry registry;

    public StarterMeters(MeterRegistry registry, Supplier<DeadlineEngine> engine) {
        this.registry = registry;
        Gauge.builder("orderclock.deadlines.in.memory", () -> engine.get().inMemory())
                .description("Deadlines held in the timing wheels")
                .register(registry);
    }

    @Override
    public void onFired(DeadlineSource source, List<Fired> fired, boolean bySweeper) {
        Timer lag = Timer.builder("orderclock.close.lag")
                .description("From a row's due time to the transaction that closed it")
                .tag("source", source.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        for (Fired close : fired) {
            // Never negative: the closing update requires the due time to have passed.
            lag.record(Math.max(0, close.firedAt().toEpochMilli() - close.due().toEpochMilli()), TimeUnit.MILLISECONDS);
        }
        counter("orderclock.orders.closed", "Rows closed because their deadline passed", source)
                .increment(fired.size());
        if (bySweeper) {
            counter("orderclock.sweeper.claimed", "Overdue deadlines the sweeper claimed and closed", source)
                    .increment(fired.size());
        }
    }

    @Override
    public void onFireFailed(DeadlineSource source, int deadlines, Exception cause) {
        counter(
                        "orderclock.firing.failures",
                        "Deadlines whose closing transaction failed; they are tried again",
                        source)
                .increment(deadlines);
    }

    @Override
    public void onLoaded(DeadlineSource source, int deadlines, Duration took) {
        Timer.builder("orderclock.horizon.load")
                .description("One range scan of the deadlines due within the horizon, all pages")
                .tag("source", source.name())
                .register(registry)
                .record(took);
    }

    private Counter counter(String name, String description, DeadlineSource source) {
        return Counter.builder(name)
                .description(description)
                .tag("source", source.name())
                .register(registry);
    }
}
