package dev.orderclock.server.stats;

import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.deadline.Fired;
import dev.orderclock.order.CloseReason;
import dev.orderclock.order.PaymentTimeoutSource;
import dev.orderclock.stats.CloseLag;
import dev.orderclock.stats.CloseTimeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records every close: for timeouts, the close lag ({@code closedAt - payDeadline}) into an
 * HdrHistogram for {@code /api/stats} and a Micrometer timer ({@code orderclock_close_lag_seconds});
 * for every close, {@code orderclock_orders_closed_total} by reason; and, per second, for the
 * dashboard's chart ({@link CloseTimeline}). Engine threads record without
 * locking; only a reader of the totals takes a lock.
 */
@Component
public class CloseRecorder implements EngineListener {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recent = new Recorder(SIGNIFICANT_DIGITS);
    private final Recorder sinceLastSecond = new Recorder(SIGNIFICANT_DIGITS); // read by CloseTimeline only
    private Histogram recycledSecond;
    private final Histogram total = new Histogram(SIGNIFICANT_DIGITS); // auto-resizing: a backlog may be hours late
    private Histogram recycled;
    private final Timer lag;
    private final Counter timedOut;
    private final Counter cancelled;

    public CloseRecorder(MeterRegistry registry) {
        this.lag = Timer.builder("orderclock.close.lag")
                .description("From an order's payment deadline to the commit that closed it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.timedOut = closed(registry, CloseReason.PAYMENT_TIMEOUT);
        this.cancelled = closed(registry, CloseReason.USER_CANCELLED);
    }

    private static Counter closed(MeterRegistry registry, CloseReason reason) {
        return Counter.builder("orderclock.orders.closed")
                .description("Orders closed, by reason")
                .tag("reason", reason.name())
                .register(registry);
    }

    @Override
    public void onFired(DeadlineSource source, List<Fired> fired, boolean bySweeper) {
        if (source instanceof PaymentTimeoutSource) {
            timedOut(fired);
        }
    }

    /** Orders closed for payment timeout, by the engine or by a channel check. */
    public void timedOut(List<Fired> fired) {
        for (Fired close : fired) {
            // Never negative: the closing update requires the deadline to have passed.
            long millis =
                    Math.max(0, close.firedAt().toEpochMilli() - close.due().toEpochMilli());
            recent.recordValue(millis);
            sinceLastSecond.recordValue(millis);
            lag.record(millis, TimeUnit.MILLISECONDS);
        }
        timedOut.increment(fired.size());
    }

    /** A shopper cancelled an order. */
    public void cancelled() {
        cancelled.increment();
    }

    /** The close lag of every timeout closed since start-up. */
    public synchronized CloseLag lag() {
        recycled = recent.getIntervalHistogram(recycled);
        total.add(recycled);
        return lagOf(total);
    }

    /**
     * The close lag of the timeouts closed since the previous call, for the once-a-second timeline;
     * one reader only ({@link CloseTimeline}).
     */
    public synchronized CloseLag sinceLastSample() {
        recycledSecond = sinceLastSecond.getIntervalHistogram(recycledSecond);
        return lagOf(recycledSecond);
    }

    private static CloseLag lagOf(Histogram h) {
        return new CloseLag(h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue(), h.getTotalCount());
    }
}
