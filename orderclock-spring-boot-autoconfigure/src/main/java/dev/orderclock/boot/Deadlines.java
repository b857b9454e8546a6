package dev.orderclock.boot;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineScheduler;
import dev.orderclock.deadline.DeadlineSource;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Where the shop tells the engine about a deadline it has just written, for timeouts shorter than
 * the horizon (longer ones the horizon load finds by itself). Safe inside a transaction: the hint
 * is handed over after commit, and never if the transaction rolls back.
 */
public class Deadlines {

    private final DeadlineEngine engine;
    private final DeadlineScheduler scheduler;
    private final Map<String, DeadlineSource> sources;

    public Deadlines(DeadlineEngine engine, Map<String, DeadlineSource> sources) {
        this(engine, engine, sources);
    }

    /**
     * @param scheduler where deadlines go after commit: the engine's wheel, or the RabbitMQ delay tiers
     *                  ({@code orderclock.cluster.rabbitmq.enabled})
     */
    public Deadlines(DeadlineEngine engine, DeadlineScheduler scheduler, Map<String, DeadlineSource> sources) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.sources = Map.copyOf(sources);
    }

    /**
     * The row {@code id} of {@code source} is due at {@code dueAt}. Inside a transaction it acts after
     * commit; outside one, at once.
     *
     * @throws IllegalArgumentException for a source name that is not configured
     */
    public void schedule(String source, long id, Instant dueAt) {
        DeadlineSource deadlineSource = source(source);
        afterCommit(() -> scheduler.schedule(deadlineSource, id, dueAt));
    }

    /** The row {@code id} left its pending state another way (paid): spares a useless close. Also after commit. */
    public void cancel(String source, long id) {
        DeadlineSource deadlineSource = source(source);
        afterCommit(() -> scheduler.cancel(deadlineSource, id));
    }

    public Set<String> sourceNames() {
        return sources.keySet();
    }

    /** Every source the engine closes, the tables' and the application's own. */
    public Collection<DeadlineSource> sources() {
        return sources.values();
    }

    public DeadlineEngine engine() {
        return engine;
    }

    private DeadlineSource source(String name) {
        DeadlineSource source = sources.get(name);
        if (source == null) {
            throw new IllegalArgumentException(
                    "no deadline source named '" + name + "'; configured: " + sources.keySet());
        }
        return source;
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
