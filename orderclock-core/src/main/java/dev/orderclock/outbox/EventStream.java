package dev.orderclock.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams the outbox to its subscribers (the server's {@code GET /api/events}), each through its own
 * {@link EventSink}. One poller reads new rows by sequence number every {@link #POLL} while anyone
 * listens (no query at all otherwise) and fans them out.
 *
 * <p>Two things a tail of a table must handle. A transaction that took its sequence number early
 * may commit after a later one was read: a hole in the numbers is asked for again for
 * {@link #GAP_WAIT} before it is taken for a rollback. And a burst may outrun a browser: when more
 * than {@link #PAGE} rows arrived since the last poll, the stream jumps to the latest
 * {@link #SAMPLE} and says how many it skipped ({@code event: skipped}). A client that reconnects
 * with {@code Last-Event-ID} gets what it missed, within the same bounds.
 *
 * <p>{@link #poll()} is one step, for the poller thread or a test.
 */
public class EventStream {

    static final Duration POLL = Duration.ofMillis(250);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration GAP_WAIT = Duration.ofSeconds(2);
    static final int PAGE = 500;
    static final int SAMPLE = 100;
    static final int FIRST = 50;
    static final int MAX_GAPS = 1_000;
    public static final int MAX_SUBSCRIBERS = 32;

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private final Outbox outbox;
    private final InstantSource clock;
    private final Queue<Subscriber> joining = new ConcurrentLinkedQueue<>();
    private final List<Subscriber> live = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger names = new AtomicInteger();
    /** Highest sequence number handed out; -1 while nobody listens (the next listener starts at the end). */
    private long cursor = -1;
    /** Missing sequence numbers below the cursor, and when they were first missed (epoch millis). */
    private final Map<Long, Long> gaps = new LinkedHashMap<>();

    private long lastHeartbeat;
    private boolean failing;
    private ScheduledExecutorService poller;

    public EventStream(Outbox outbox, InstantSource clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A new subscriber writing to {@code sink}; it receives its first events on the next poll, the
     * latest few or, after {@code lastEventId} (null for none), what it missed.
     *
     * @throws TooManySubscribers when {@link #MAX_SUBSCRIBERS} streams are open
     */
    public Subscriber subscribe(EventSink sink, Long lastEventId) {
        if (open.incrementAndGet() > MAX_SUBSCRIBERS) {
            open.decrementAndGet();
            throw new TooManySubscribers();
        }
        Subscriber[] self = new Subscriber[1];
        Subscriber subscriber =
                new Subscriber(sink, lastEventId, "orderclock-events-" + names.incrementAndGet(), () -> {
                    open.decrementAndGet();
                    live.remove(self[0]);
                    joining.remove(self[0]);
                });
        self[0] = subscriber;
        subscriber.start();
        joining.add(subscriber);
        return subscriber;
    }

    /** One step: admits new subscribers, reads what was committed since, hands it out. */
    synchronized void poll() {
        if (live.isEmpty() && joining.isEmpty()) {
            cursor = -1;
            gaps.clear();
            return;
        }
        long now = clock.millis();
        if (cursor < 0) {
            cursor = outbox.lastSeq();
        }
        admitJoining();
        List<OutboxEvent> fresh = outbox.after(cursor, PAGE);
        List<OutboxEvent> sent = new ArrayList<>(refillGaps(now));
        if (fresh.size() == PAGE) {
            List<OutboxEvent> latest = outbox.latest(SAMPLE);
            long skipped = Math.max(0, latest.get(0).seq() - cursor - 1);
            gaps.clear();
            broadcast(new Subscriber.Outgoing.Skipped(skipped));
            sent.addAll(latest);
        } else {
            noteGaps(fresh, now);
            sent.addAll(fresh);
        }
        for (Subscriber subscriber : live) {
            subscriber.offer(sent);
        }
        if (!sent.isEmpty()) {
            cursor = Math.max(cursor, sent.get(sent.size() - 1).seq());
        }
        if (now - lastHeartbeat >= HEARTBEAT.toMillis()) {
            lastHeartbeat = now;
            broadcast(new Subscriber.Outgoing.Heartbeat());
        }
    }

    /** Subscribers open now, being admitted or live. */
    public int subscribers() {
        return open.get();
    }

    private void admitJoining() {
        Subscriber subscriber;
        while ((subscriber = joining.poll()) != null) {
            if (subscriber.isClosed()) {
                continue;
            }
            subscriber.offer(new Subscriber.Outgoing.Heartbeat()); // the client sees the stream open at once
            subscriber.offer(catchUp(subscriber.lastEventId()));
            live.add(subscriber);
        }
    }

    /** The latest events for a new subscriber, or what it missed since {@code lastEventId}; never past the cursor. */
    private List<OutboxEvent> catchUp(Long lastEventId) {
        List<OutboxEvent> events;
        if (lastEventId == null || lastEventId >= cursor) {
            events = lastEventId == null ? outbox.latest(FIRST) : List.of();
        } else if (cursor - lastEventId > PAGE) {
            events = outbox.latest(SAMPLE);
        } else {
            events = outbox.after(lastEventId, PAGE);
        }
        return events.stream().filter(e -> e.seq() <= cursor).toList();
    }

    private void noteGaps(List<OutboxEvent> fresh, long now) {
        long expected = cursor + 1;
        for (OutboxEvent event : fresh) {
            for (long seq = expected; seq < event.seq() && gaps.size() < MAX_GAPS; seq++) {
                gaps.putIfAbsent(seq, now);
            }
            expected = event.seq() + 1;
        }
    }

    private List<OutboxEvent> refillGaps(long now) {
        if (gaps.isEmpty()) {
            return List.of();
        }
        List<OutboxEvent> found = outbox.among(gaps.keySet());
        found.forEach(event -> gaps.remove(event.seq()));
        for (Iterator<Long> missedAt = gaps.values().iterator(); missedAt.hasNext(); ) {
            if (now - missedAt.next() > GAP_WAIT.toMillis()) {
                missedAt.remove(); // a rolled-back transaction's number: it will never come
            }
        }
        return found;
    }

    private void broadcast(Subscriber.Outgoing outgoing) {
        for (Subscriber subscriber : live) {
            subscriber.offer(outgoing);
        }
    }

    private void pollQuietly() {
        try {
            poll();
            if (failing) {
                failing = false;
                log.info("event stream: reading the outbox again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn(
                        "event stream: reading the outbox failed, trying again every {} ms: {}",
                        POLL.toMillis(),
                        e.toString());
            }
        }
    }

    /** Starts the poller thread. */
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "orderclock-event-stream");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the poller and ends every open stream. */
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = poller;
            poller = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
        }
        joining.forEach(Subscriber::close);
        live.forEach(Subscriber::close);
    }

    public synchronized boolean isRunning() {
        return poller != null;
    }

    /** Thrown when {@link #MAX_SUBSCRIBERS} streams are already open. */
    public static final class TooManySubscribers extends RuntimeException {
        TooManySubscribers() {
            super("too many open event streams", null, false, false);
        }
    }
}
