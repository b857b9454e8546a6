package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import java.time.Duration;
import java.time.Instant;

/** Drives an engine that was not started: moves the manual clock in steps and runs the engine once per step. */
final class EngineSteps {

    private EngineSteps() {}

    /** Runs {@code engine} every {@code step} until the clock reaches {@code endMillis}, calling {@code check} after each run. */
    static void runEvery(DeadlineEngine engine, ManualClock clock, Duration step, long endMillis, Runnable check) {
        while (clock.millis() < endMillis) {
            clock.set(Instant.ofEpochMilli(Math.min(clock.millis() + step.toMillis(), endMillis)));
            engine.runOnce();
            check.run();
        }
    }

    static void runEvery(DeadlineEngine engine, ManualClock clock, Duration step, long endMillis) {
        runEvery(engine, clock, step, endMillis, () -> {});
    }
}
