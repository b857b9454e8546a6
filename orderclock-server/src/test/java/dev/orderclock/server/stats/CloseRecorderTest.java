package dev.orderclock.server.stats;

import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;
import dev.orderclock.order.OrderStore;
import dev.orderclock.order.PaymentTimeoutSource;
import dev.orderclock.stats.CloseLag;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class CloseRecorderTest {

    private static final Instant DUE = Instant.parse("2026-11-24T19:50:00.000Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CloseRecorder recorder = new CloseRecorder(registry);
    private final PaymentTimeoutSource payments = new PaymentTimeoutSource(mock(OrderStore.class));

    @Test
    void theLagOfATimeoutIsItsCloseMinusItsDeadline() {
        recorder.onFired(payments, List.of(closedAfter(1, 12), closedAfter(2, 30)), false);

        assertThat(recorder.lag()).isEqualTo(new CloseLag(12, 30, 30, 2));
    }

    @Test
    void readingTheLagTwiceKeepsWhatWasRecorded() {
        recorder.onFired(payments, List.of(closedAfter(1, 5)), true);
        recorder.lag();

        assertThat(recorder.lag().count()).isEqualTo(1);
    }

    @Test
    void eachSampleHoldsTheClosesSinceThePreviousOne() {
        recorder.onFired(payments, List.of(closedAfter(1, 10), closedAfter(2, 20), closedAfter(3, 30)), false);

        assertThat(recorder.sinceLastSample()).isEqualTo(new CloseLag(20, 30, 30, 3));
        assertThat(recorder.sinceLastSample().count()).isZero();
    }

    @Test
    void samplingLeavesTheTotalsSinceStartUpAlone() {
        recorder.onFired(payments, List.of(closedAfter(1, 5)), false);
        recorder.sinceLastSample();

        assertThat(recorder.lag().count()).isEqualTo(1);
    }

    @Test
    void timeoutsAndCancelsAreCountedByReason() {
        recorder.onFired(payments, List.of(closedAfter(1, 5), closedAfter(2, 6)), false);
        recorder.cancelled();

        assertThat(registry.get("orderclock.orders.closed")
                        .tag("reason", "PAYMENT_TIMEOUT")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("orderclock.orders.closed")
                        .tag("reason", "USER_CANCELLED")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theTimerRecordsEveryLag() {
        recorder.onFired(payments, List.of(closedAfter(1, 250)), false);

        assertThat(registry.get("orderclock.close.lag").timer().max(TimeUnit.MILLISECONDS))
                .isEqualTo(250);
    }

    @Test
    void deadlinesOfOtherSourcesAreNotPaymentTimeouts() {
        recorder.onFired(mock(DeadlineSource.class), List.of(closedAfter(1, 5)), false);

        assertThat(recorder.lag().count()).isZero();
    }

    private static Fired closedAfter(long id, long millis) {
        return new Fired(id, DUE, DUE.plusMillis(millis));
    }
}
