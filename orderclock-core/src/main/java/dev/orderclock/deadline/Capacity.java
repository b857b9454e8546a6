package dev.orderclock.deadline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The cap on deadlines held in memory, shared by the wheels of an engine and the batches being
 * fired: a deadline takes a place when it enters a wheel and gives it back when its firing is over
 * (or it is cancelled), so memory never holds more than the cap whatever the database holds.
 */
public final class Capacity {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    public Capacity(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + limit);
        }
        this.limit = limit;
    }

    public boolean tryAcquire() {
        long now;
        do {
            now = used.get();
            if (now >= limit) {
                return false;
            }
        } while (!used.compareAndSet(now, now + 1));
        return true;
    }

    /**
     * Takes {@code places} even past the limit: for deadlines that are in memory already, held by a
     * caller that hands them over ({@link DeadlineEngine#fireNow}). While they are counted, the
     * wheels take no more.
     */
    void takeBeyondLimit(long places) {
        used.addAndGet(places);
    }

    public void release(long places) {
        long after = used.addAndGet(-places);
        if (after < 0) {
            throw new IllegalStateException("released more places than were taken: " + after);
        }
    }

    public long used() {
        return used.get();
    }

    public long limit() {
        return limit;
    }

    public long free() {
        return limit - used.get();
    }
}
