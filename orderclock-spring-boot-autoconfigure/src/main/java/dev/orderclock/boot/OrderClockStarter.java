package dev.orderclock.boot;

import dev.orderclock.deadline.DeadlineEngine;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Starts the engine once the context is refreshed (every bean, the handlers and the database
 * initialisation included, is ready) and stops it when the context closes. Replace it with a bean
 * of this type of your own to start the engine otherwise; {@code orderclock-test} replaces it with
 * one that starts nothing, so that tests drive the engine by a manual clock.
 */
public class OrderClockStarter implements ApplicationListener<ContextRefreshedEvent>, DisposableBean {

    private final DeadlineEngine engine;
    private final boolean autoStart;

    public OrderClockStarter(DeadlineEngine engine) {
        this(engine, true);
    }

    protected OrderClockStarter(DeadlineEngine engine, boolean autoStart) {
        this.engine = engine;
        this.autoStart = autoStart;
    }

    /** A starter that never starts the engine: something else drives it ({@link DeadlineEngine#runOnce()}). */
    public static OrderClockStarter manual(DeadlineEngine engine) {
        return new OrderClockStarter(engine, false);
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        // A child context's refresh reaches this listener too; start() does nothing once running.
        if (autoStart) {
            engine.start();
        }
    }

    @Override
    public void destroy() {
        engine.stop();
    }

    public DeadlineEngine engine() {
        return engine;
    }
}
