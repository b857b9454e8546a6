package dev.orderclock.deadline;

import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Changes to one source's deadlines in memory, handed in by code that is built before the engine and
 * never holds it: a deadline to fire again later, a deadline to forget. The engine it is registered with
 * ({@link DeadlineEngineBuilder#inbox}) takes them on its ticker, between ticks, as it takes its own
 * {@link DeadlineEngine#retryAt} and {@link DeadlineEngine#cancel}; until then they wait here. So the
 * payment side (its channel check retries, a paid order leaves the wheel) reaches the wheel that fires
 * it without an object cycle through the engine. Any thread; registered with one engine at most.
 */
public final class DeadlineInbox {

    private final ConcurrentLinkedQueue<Consumer<SourceTrack>> requests = new ConcurrentLinkedQueue<>();

    /** As {@link DeadlineEngine#retryAt}: fires {@code id} again at {@code when}. */
    public void retryAt(long id, Instant when) {
        long at = when.toEpochMilli();
        requests.add(track -> track.retry(id, at));
    }

    /** As {@link DeadlineEngine#cancel}: forgets a deadline that will not be needed (the order was paid). */
    public void cancel(long id) {
        requests.add(track -> track.wheel.cancel(id));
    }

    /** Applies what was handed in to {@code track}; the ticker's (or {@code runOnce}'s) thread only. */
    void drainInto(SourceTrack track) {
        Consumer<SourceTrack> request;
        while ((request = requests.poll()) != null) {
            request.accept(track);
        }
    }
}
