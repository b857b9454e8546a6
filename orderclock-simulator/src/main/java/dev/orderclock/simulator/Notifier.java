package dev.orderclock.simulator;

import dev.orderclock.simulator.OutgoingNotification.Message;
import dev.orderclock.simulator.OutgoingNotification.Reply;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the simulated channels' notifications over HTTP, the way channels do: asynchronously, and
 * again on the channel's schedule until the shop gives the channel's success answer. The fault
 * switches act here: a dropped notification is never sent (retries included), a duplicated one is
 * delivered twice — half the time both copies at once — and every one waits {@code notify-delay-ms}.
 * <p>
 * Bounded: at most {@code maxWaiting} deliveries wait for their next attempt; past that, the longest
 * waiting are dropped (down to nine tenths of the cap, with one WARN line counting them), as a channel
 * gives up on a shop that does not answer.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    /** How long the channel waits for the shop's answer before counting the attempt as failed. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    /** How much later a duplicate that does not race the original follows it, at most. */
    private static final long DUPLICATE_LAG_MS = 200;

    private final HttpClient http;
    private final Faults faults;
    private final SimRandom random;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong droppedRetries = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final int maxWaiting;
    /** Deliveries scheduled and not started, longest waiting first; guarded by itself. */
    private final LinkedHashMap<Long, Waiting> waiting = new LinkedHashMap<>();

    public Notifier(Faults faults, SimRandom random) {
        this(faults, random, SimProperties.DEFAULT_MAX_PENDING_NOTIFICATIONS);
    }

    public Notifier(Faults faults, SimRandom random, int maxWaiting) {
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("maxWaiting must be at least 1: " + maxWaiting);
        }
        this.faults = faults;
        this.random = random;
        this.maxWaiting = maxWaiting;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "orderclock-sim-notifier");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
    }

    public void send(OutgoingNotification notification) {
        notifications.incrementAndGet();
        if (faults.dropNotification()) {
            dropped.incrementAndGet();
            return;
        }
        Duration delay = faults.notifyDelay();
        schedule(notification, 0, delay);
        if (faults.duplicateNotification()) {
            duplicated.incrementAndGet();
            long lag = random.chance(0.5) ? 0 : 1 + random.below(DUPLICATE_LAG_MS);
            schedule(notification, 0, delay.plusMillis(lag));
        }
    }

    /** Counts since start-up, for tests and for a human watching a run. */
    public NotificationStats stats() {
        return new NotificationStats(
                notifications.get(),
                dropped.get(),
                duplicated.get(),
                attempts.get(),
                accepted.get(),
                abandoned.get(),
                pending.get());
    }

    /** Deliveries dropped because more than the cap waited, since start-up. */
    public long droppedRetries() {
        return droppedRetries.get();
    }

    /** Deliveries waiting for their next attempt now (not those whose request is under way). */
    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void schedule(OutgoingNotification notification, int attempt, Duration delay) {
        pending.incrementAndGet();
        long id = sequence.incrementAndGet();
        Waiting entry = new Waiting();
        // Registered before it is scheduled, so that a delivery due at once finds itself when it starts.
        List<Waiting> overflow = register(id, entry);
        try {
            entry.future =
                    scheduler.schedule(() -> start(id, notification, attempt), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            if (unregister(id)) { // shutting down: the channel stops notifying with the process
                pending.decrementAndGet();
            }
        }
        if (!overflow.isEmpty()) {
            overflow.forEach(Waiting::cancel);
            pending.addAndGet(-overflow.size());
            droppedRetries.addAndGet(overflow.size());
            log.warn(
                    "dropped {} notification deliveries, the longest waiting: more than {} waited "
                            + "(orderclock.sim.max-pending-notifications)",
                    overflow.size(),
                    maxWaiting);
        }
    }

    private List<Waiting> register(long id, Waiting entry) {
        synchronized (waiting) {
            waiting.put(id, entry);
            if (waiting.size() <= maxWaiting) {
                return List.of();
            }
            List<Waiting> overflow = new ArrayList<>();
            int keep = maxWaiting - maxWaiting / 10;
            Iterator<Map.Entry<Long, Waiting>> oldest = waiting.entrySet().iterator();
            while (waiting.size() > keep && oldest.hasNext()) {
                Map.Entry<Long, Waiting> next = oldest.next();
                if (next.getKey() != id) {
                    overflow.add(next.getValue());
                    oldest.remove();
                }
            }
            return overflow;
        }
    }

    private boolean unregister(long id) {
        synchronized (waiting) {
            return waiting.remove(id) != null;
        }
    }

    /** A delivery that is due: attempted unless it was dropped while it waited. */
    private void start(long id, OutgoingNotification notification, int attempt) {
        if (unregister(id)) {
            attempt(notification, attempt);
        }
    }

    private void attempt(OutgoingNotification notification, int attempt) {
        HttpRequest request;
        try {
            Message message = notification.render().get();
            HttpRequest.Builder builder = HttpRequest.newBuilder(notification.target())
                    .timeout(ATTEMPT_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8));
            message.headers().forEach(builder::header);
            request = builder.build();
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            abandoned.incrementAndGet();
            log.warn("notification {} could not be made, abandoned: {}", notification.id(), e.toString());
            return;
        }
        attempts.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, error) -> {
                    pending.decrementAndGet();
                    if (error == null
                            && notification.accepted().test(new Reply(response.statusCode(), response.body()))) {
                        accepted.incrementAndGet();
                    } else if (attempt < notification.retrySchedule().size()) {
                        schedule(
                                notification,
                                attempt + 1,
                                faults.scaled(notification.retrySchedule().get(attempt)));
                    } else {
                        abandoned.incrementAndGet();
                        log.info(
                                "notification {} to {} abandoned after {} attempts",
                                notification.id(),
                                notification.target(),
                                attempt + 1);
                    }
                });
    }

    /** A scheduled delivery; its future is set once scheduled, and cancelled if it is dropped. */
    private static final class Waiting {

        private volatile ScheduledFuture<?> future;

        void cancel() {
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false); // removed from the executor's queue (remove-on-cancel)
            }
        }
    }

    /**
     * @param notifications all the channels owed; {@code dropped} of them were never sent and
     *                      {@code duplicated} sent twice
     * @param attempts      HTTP requests made, retries and duplicates included
     * @param accepted      deliveries the shop acknowledged with the channel's success answer
     * @param abandoned     deliveries given up after the last retry
     * @param pending       deliveries waiting for their next attempt or its answer
     */
    public record NotificationStats(
            long notifications,
            long dropped,
            long duplicated,
            long attempts,
            long accepted,
            long abandoned,
            long pending) {}
}
