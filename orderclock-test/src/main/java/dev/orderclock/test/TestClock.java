package dev.orderclock.test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/** The engine's clock in tests: it moves only when the test moves it. Thread-safe. */
public final class TestClock implements InstantSource {

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** Starts at the real time, to the millisecond, so rows the test writes with the real clock line up. */
    public static TestClock startingNow() {
        return new TestClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public Instant instant() {
        return now;
    }

    public synchronized Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a test clock does not go back: " + by);
        }
        now = now.plus(by);
        return now;
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }
}
