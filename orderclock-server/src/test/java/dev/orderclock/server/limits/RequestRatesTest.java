package dev.orderclock.server.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RequestRatesTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aCallerMayAskAsOftenAsThePermitsAndIsThenToldHowLongToWait() {
        RequestRates rates = new RequestRates("rate.orders-per-minute", 3, Duration.ofMinutes(1), 100, nanos::get);

        for (int i = 0; i < 3; i++) {
            assertThat(rates.refuse("u-1")).isEmpty();
        }
        OptionalLong retryAfter = rates.refuse("u-1");

        assertThat(retryAfter).isPresent();
        assertThat(retryAfter.getAsLong()).isBetween(1L, 60L);
    }

    @Test
    void eachCallerHasItsOwnCount() {
        RequestRates rates = new RequestRates("rate.pays-per-minute", 1, Duration.ofMinutes(1), 100, nanos::get);

        assertThat(rates.refuse("u-1")).isEmpty();
        assertThat(rates.refuse("u-1")).isPresent();
        assertThat(rates.refuse("u-2")).isEmpty();
    }

    @Test
    void aRefusedCallerMayAskAgainOnceThePeriodHasPassed() {
        RequestRates rates = new RequestRates("rate.orders-per-minute", 1, Duration.ofMillis(200), 100, nanos::get);
        assertThat(rates.refuse("u-1")).isEmpty();
        assertThat(rates.refuse("u-1")).isPresent();

        // The limiter keeps its own time (System.nanoTime): a bounded wait, not a sleep.
        await().atMost(Duration.ofSeconds(2)).until(() -> rates.refuse("u-1").isEmpty());
    }

    @Test
    void theCallersKeptAreBoundedWhateverHowManyCall() {
        RequestRates rates = new RequestRates("rate.orders-per-minute", 5, Duration.ofMinutes(1), 10, nanos::get);

        for (int i = 0; i < 1000; i++) {
            rates.refuse("u-" + i);
        }

        assertThat(rates.callersHeld()).isLessThanOrEqualTo(10);
    }

    @Test
    void aCallerIdleForAWholePeriodIsForgotten() {
        RequestRates rates = new RequestRates("rate.orders-per-minute", 5, Duration.ofMinutes(1), 10, nanos::get);
        rates.refuse("u-1");
        assertThat(rates.callersHeld()).isEqualTo(1);

        nanos.addAndGet(Duration.ofMinutes(1).plusNanos(1).toNanos());

        assertThat(rates.callersHeld()).isZero();
    }
}
