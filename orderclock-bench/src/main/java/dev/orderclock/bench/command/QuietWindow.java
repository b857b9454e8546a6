package dev.orderclock.bench.command;

import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.measurement.StatementCounter;
import dev.orderclock.bench.server.ServerDatabase;

import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The quiet window the idle figures are counted over (idle, scale, starter-idle): a settling time
 * after start, a reading of the counters, the window, a second reading.
 */
public final class QuietWindow {

    @Option(
            names = "--settle",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "quiet time after the start before the window opens (default: ${DEFAULT-VALUE})")
    Duration settle;

    @Option(
            names = "--window",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "how long statements are counted (default: ${DEFAULT-VALUE})")
    Duration window;

    /** Cumulative counters read at one moment. */
    @FunctionalInterface
    interface Reading<T> {
        T read() throws Exception;
    }

    /** The counters at the window's opening and at its end. */
    record Counted<T>(T before, T after) {}

    /** Waits out the settling time, reads, waits the window and reads again. */
    <T> Counted<T> count(String what, Reading<T> reading) throws Exception {
        sleep("settling", settle);
        T before = reading.read();
        sleep("counting " + what, window);
        return new Counted<>(before, reading.read());
    }

    /** The statements H2 itself counted for the server over the window, the bench's own left out. */
    StatementCounter.Issued statements(ServerDatabase database) throws Exception {
        try (StatementCounter counter = StatementCounter.attach(database)) {
            Counted<StatementCounter.Snapshot> counted = count("statements", counter::snapshot);
            return counted.after().since(counted.before());
        }
    }

    /** {@code count} over the window, a minute's worth. */
    double perMinute(long count) {
        return count * 60.0 / (window.toNanos() / 1e9);
    }

    void requirePositive() {
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("--window must be positive");
        }
    }

    private static void sleep(String phase, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        try (Progress progress = Progress.of(phase, () -> (end - System.nanoTime()) / 1_000_000_000 + " s left")) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
        }
    }
}
