package dev.orderclock.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test moves it. Thread-safe. */
public final class ManualClock implements InstantSource {

    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    public static ManualClock at(String isoInstant) {
        return new ManualClock(Instant.parse(isoInstant));
    }

    @Override
    public Instant instant() {
        return now;
    }

    public synchronized Instant advance(Duration by) {
        now = now.plus(by);
        return now;
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }
}
