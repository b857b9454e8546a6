package dev.orderclock.bench.measurement;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One status line on stderr, refreshed every second while a long phase runs; stdout stays clean for
 * the report (and {@code --json}). On a terminal the line redraws in place, elsewhere it prints every 5 s.
 */
public final class Progress implements AutoCloseable {

    private final PrintStream err = System.err;
    private final boolean terminal = System.console() != null;
    private final ScheduledExecutorService ticker;
    private int lastLength;

    private Progress(String phase, Supplier<String> status) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-progress");
            thread.setDaemon(true);
            return thread;
        });
        long every = terminal ? 1 : 5;
        ticker.scheduleAtFixedRate(() -> show(phase + ": " + status.get()), every, every, TimeUnit.SECONDS);
    }

    public static Progress of(String phase, Supplier<String> status) {
        return new Progress(phase, status);
    }

    /** A line on its own, for the steps between long phases. */
    public static void step(String message) {
        System.err.println("[bench] " + message);
    }

    private synchronized void show(String line) {
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            err.println("[bench] " + line);
        }
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (terminal && lastLength > 0) {
            err.println();
        }
    }
}
