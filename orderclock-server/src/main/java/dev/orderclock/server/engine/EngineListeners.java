package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.deadline.Fired;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Hands each engine notification to every listener in the context (close lag, metrics, and later
 * the dashboard). A failing listener must not fail the engine's thread, nor keep the others from
 * hearing about it.
 */
public final class EngineListeners implements EngineListener {

    private static final Logger log = LoggerFactory.getLogger(EngineListeners.class);

    private final List<EngineListener> listeners;

    public EngineListeners(List<EngineListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onFired(DeadlineSource source, List<Fired> fired, boolean bySweeper) {
        for (EngineListener listener : listeners) {
            run(() -> listener.onFired(source, fired, bySweeper));
        }
    }

    @Override
    public void onFireFailed(DeadlineSource source, int deadlines, Exception cause) {
        for (EngineListener listener : listeners) {
            run(() -> listener.onFireFailed(source, deadlines, cause));
        }
    }

    @Override
    public void onLoaded(DeadlineSource source, int deadlines, Duration took) {
        for (EngineListener listener : listeners) {
            run(() -> listener.onLoaded(source, deadlines, took));
        }
    }

    private static void run(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("an engine listener failed", e);
        }
    }
}
