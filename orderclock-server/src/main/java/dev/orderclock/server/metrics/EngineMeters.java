package dev.orderclock.server.metrics;

import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.deadline.Fired;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * The engine's own work as Micrometer meters, tagged by deadline source: horizon loads
 * ({@code orderclock_horizon_load_seconds}), deadlines the sweeper claimed because no timer had
 * ({@code orderclock_sweeper_claimed_total}) and firing transactions that failed and will be retried
 * ({@code orderclock_firing_failures_total}). Close lag and closes by reason are {@code CloseRecorder}'s.
 */
@Component
public class EngineMeters implements EngineListener {

    private final MeterRegistry registry;

    /** Registers every source's series at once, so that a dashboard sees zeros rather than nothing. */
    public EngineMeters(MeterRegistry registry, List<DeadlineSource> sources) {
        this.registry = registry;
        for (DeadlineSource source : sources) {
            sweeperClaimed(source);
            firingFailures(source);
        }
    }

    @Override
    public void onLoaded(DeadlineSource source, int deadlines, Duration took) {
        Timer.builder("orderclock.horizon.load")
                .description("One range scan of the deadlines due within the horizon, all pages")
                .tag("source", source.name())
                .register(registry)
                .record(took);
    }

    @Override
    public void onFired(DeadlineSource source, List<Fired> fired, boolean bySweeper) {
        if (bySweeper) {
            sweeperClaimed(source).increment(fired.size());
        }
    }

    @Override
    public void onFireFailed(DeadlineSource source, int deadlines, Exception cause) {
        firingFailures(source).increment(deadlines);
    }

    private Counter sweeperClaimed(DeadlineSource source) {
        return Counter.builder("orderclock.sweeper.claimed")
                .description("Overdue deadlines the sweeper claimed and fired (start-up backlog, lost timers)")
                .tag("source", source.name())
                .register(registry);
    }

    private Counter firingFailures(DeadlineSource source) {
        return Counter.builder("orderclock.firing.failures")
                .description("Deadlines whose firing transaction failed; they are tried again")
                .tag("source", source.name())
                .register(registry);
    }
}
