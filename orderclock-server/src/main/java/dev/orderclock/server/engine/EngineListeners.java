package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.deadline.Fired;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

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
        each(listener -> listener.onFired(source, fired, bySweeper));
    }

    @Override
    public void onFireFailed(DeadlineSource source, int deadlines, Exception cause) {
        each(listener -> listener.onFireFailed(source, deadlines, cause));
    }

    @Override
    public void onLoaded(DeadlineSource source, int deadlines, Duration took) {
        each(listener -> listener.onLoaded(source, deadlines, took));
    }

    private void each(Consumer<EngineListener> call) {
        for (EngineListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("an engine listener failed", e);
            }
        }
    }
}
