package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineEngine;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the engine once the context is up and the schema migrated, before the web server takes
 * requests, and stops it after the web server has drained them: a lower phase starts earlier and
 * stops later.
 */
final class EngineLifecycle implements SmartLifecycle {

    /** Below the web server's phases (start/stop and graceful shutdown). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final DeadlineEngine engine;

    EngineLifecycle(DeadlineEngine engine) {
        this.engine = engine;
    }

    @Override
    public void start() {
        engine.start(); // closes the backlog first, then loads the horizon; logs one line
    }

    @Override
    public void stop() {
        engine.stop();
    }

    @Override
    public boolean isRunning() {
        return engine.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
