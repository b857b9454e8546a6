package dev.orderclock.bench.measurement;

import org.HdrHistogram.Histogram;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The close lag as an outside observer sees it, beside the one a system records ({@code closed_at -
 * deadline}, taken before its commit). Every {@link #INTERVAL} (after the previous answer) it asks the
 * system's orders table, in a session of its own, which orders due by now still read
 * {@code PENDING_PAYMENT}. An order that is due and no longer among them has been committed as closed
 * (or paid) where any other session can see it; it is observed when that answer arrives.
 *
 * <p>So an observed lag is late by at most one interval plus one query: the observer's resolution.
 * One poll reads only the backlog (due and still pending, at most {@link #LIMIT} rows, oldest first
 * through the (status, deadline) index), never the closed orders, so it costs a punctual system
 * one index probe. When the backlog is larger than the limit, orders due after the last row read
 * wait for a later poll rather than being guessed.
 */
public final class CloseObserver implements AutoCloseable {

    public static final Duration INTERVAL = Duration.ofMillis(50);
    static final int LIMIT = 10_000;

    /** The orders a table says are pending and due by {@code instant}, oldest deadline first, at most {@code limit}. */
    @FunctionalInterface
    public interface PendingSource {
        List<Due> pendingDueBy(Instant instant, int limit) throws SQLException;
    }

    /** An order and its deadline. */
    public record Due(long id, Instant deadline) {}

    /**
     * What the observer saw of the orders that ended closed.
     *
     * @param lagMs       observed lag per closed order it saw close
     * @param unobserved  closed orders it never saw close (closed before it started, or after it stopped)
     * @param polls       queries it made
     * @param meanQueryMs mean time from asking to the answer, part of its resolution
     */
    public record Summary(Histogram lagMs, long unobserved, long polls, double meanQueryMs, long failedPolls) {

        /** The caption of an observed figure: how it was seen and how fine. */
        public String resolution() {
            return String.format(
                    java.util.Locale.ROOT,
                    "polled every %d ms after the previous answer, %d polls, " + "mean query %.1f ms",
                    INTERVAL.toMillis(),
                    polls,
                    meanQueryMs);
        }
    }

    private final PendingSource source;
    private final InstantSource clock;
    private final int limit;
    private final Queue<Due> incoming = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Due> notDue = new PriorityQueue<>(Comparator.comparing(Due::deadline));
    private final Map<Long, Instant> awaiting = new HashMap<>();
    private final Map<Long, Long> observedLagMs = new ConcurrentHashMap<>();
    private long polls;
    private long failedPolls;
    private long queryNanos;
    private ScheduledExecutorService poller;

    public CloseObserver(PendingSource source, InstantSource clock) {
        this(source, clock, LIMIT);
    }

    CloseObserver(PendingSource source, InstantSource clock, int limit) {
        this.source = source;
        this.clock = clock;
        this.limit = limit;
    }

    /** The order {@code id}, due at {@code deadline}, was created: watch for its close. Any thread. */
    public void expect(long id, Instant deadline) {
        incoming.add(new Due(id, deadline));
    }

    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-close-observer");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One poll: asks the table, then judges what was due by the moment it asked. */
    void poll() throws SQLException {
        Instant asked = clock.instant();
        long started = System.nanoTime();
        List<Due> pending = source.pendingDueBy(asked, limit);
        long took = System.nanoTime() - started;
        record(asked, pending, clock.instant(), took);
    }

    /**
     * Judges the orders due by {@code asked}: those not in {@code pending} were seen closed (or paid)
     * at {@code answered}. When {@code pending} is cut at the limit, only orders due before its last
     * row are judged.
     */
    synchronized void record(Instant asked, List<Due> pending, Instant answered, long queryNanos) {
        polls++;
        this.queryNanos += queryNanos;
        for (Due due; (due = incoming.poll()) != null; ) {
            notDue.add(due);
        }
        while (!notDue.isEmpty() && !notDue.peek().deadline().isAfter(asked)) {
            Due due = notDue.poll();
            awaiting.put(due.id(), due.deadline());
        }
        Instant judgedBefore =
                pending.size() < limit ? null : pending.get(pending.size() - 1).deadline();
        Set<Long> still = new HashSet<>(pending.size() * 2);
        pending.forEach(due -> still.add(due.id()));
        for (Iterator<Map.Entry<Long, Instant>> it = awaiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Instant> order = it.next();
            if (still.contains(order.getKey())
                    || (judgedBefore != null && !order.getValue().isBefore(judgedBefore))) {
                continue;
            }
            observedLagMs.put(
                    order.getKey(),
                    Math.max(0, Duration.between(order.getValue(), answered).toMillis()));
            it.remove();
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (SQLException | RuntimeException e) {
            // A failed poll judges nothing: the next one sees what this one missed, later.
            synchronized (this) {
                failedPolls++;
            }
        }
    }

    /** The observed lag of {@code closed} (the orders that ended closed for their deadline). */
    public synchronized Summary summary(Collection<Long> closed) {
        Histogram lag = new Histogram(3);
        long unobserved = 0;
        for (long id : closed) {
            Long ms = observedLagMs.get(id);
            if (ms == null) {
                unobserved++;
            } else {
                lag.recordValue(ms);
            }
        }
        return new Summary(lag, unobserved, polls, polls == 0 ? 0 : queryNanos / 1e6 / polls, failedPolls);
    }

    /**
     * Stops polling after one last poll, so that what closed since the previous one is seen, and
     * closes the source when it holds a session.
     */
    @Override
    public void close() throws Exception {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = poller;
            poller = null;
        }
        if (stopping != null) {
            stopping.shutdown();
            stopping.awaitTermination(30, TimeUnit.SECONDS);
        }
        pollQuietly();
        if (source instanceof AutoCloseable session) {
            session.close();
        }
    }
}
