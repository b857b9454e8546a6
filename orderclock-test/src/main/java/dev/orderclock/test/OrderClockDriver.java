package dev.orderclock.test;

import dev.orderclock.deadline.DeadlineEngine;

import java.time.Duration;
import java.time.Instant;

/**
 * Drives the starter's engine in the test's thread: {@link #advance} moves the clock and runs one
 * step of everything the engine does (load the horizon, close what is due, sweep), so when it
 * returns, every row due by the new time has been closed and its handler has run (or failed).
 */
public final class OrderClockDriver {

    private final TestClock clock;
    private final DeadlineEngine engine;

    public OrderClockDriver(TestClock clock, DeadlineEngine engine) {
        this.clock = clock;
        this.engine = engine;
    }

    /** Moves the clock by {@code by}, then closes whatever is due by then. */
    public Instant advance(Duration by) {
        Instant now = clock.advance(by);
        runDueNow();
        return now;
    }

    /** Closes whatever is due at the clock's time: one step of the engine, in this thread. */
    public void runDueNow() {
        engine.runOnce();
    }

    public TestClock clock() {
        return clock;
    }

    public DeadlineEngine engine() {
        return engine;
    }
}
