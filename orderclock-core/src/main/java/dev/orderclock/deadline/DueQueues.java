package dev.orderclock.deadline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The deadlines the wheels have released and no firing worker has taken yet: one queue per source.
 * The ticker appends what each tick releases; a worker takes up to a batch at once, so what piles
 * up while the workers are in transactions goes out in one larger transaction instead of one per
 * tick. The sweeper removes what it has closed, so nothing it claimed is handed to a worker again.
 *
 * <p><b>Memory.</b> Every id here still holds the place in the engine's {@link Capacity} that it took
 * when it entered a wheel; the place is given back when its batch has been fired, or here when it is
 * removed or dropped. So the queues never hold more than the cap, whatever the database holds; a
 * queue's array keeps the size of its peak while it has ids and shrinks when it empties.
 *
 * <p><b>Threading.</b> Thread-safe. One lock guards all queues: the ticker takes it once per source
 * per tick with something due, a worker once per transaction, so it is never contended for long;
 * the workers need something to wait on in any case.
 */
final class DueQueues {

    private static final int INITIAL_SLOTS = 64;
    /** Above this, an emptied queue gives its array back rather than keep a past peak for good. */
    private static final int KEPT_SLOTS = 4_096;

    /** Ids of one source taken for one transaction. */
    record Batch(SourceTrack track, long[] ids) {}

    private final Capacity capacity;
    private final Map<SourceTrack, Ring> bySource = new IdentityHashMap<>();
    private final List<Ring> rings = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    /** Ids in all queues; guarded by the lock. */
    private long queued;
    /** Where the next take starts looking, so that no source starves another. */
    private int nextRing;
    /** Set while the engine stops: waiting workers leave instead of taking. */
    private boolean closed;

    DueQueues(List<SourceTrack> tracks, Capacity capacity) {
        this.capacity = capacity;
        for (SourceTrack track : tracks) {
            Ring ring = new Ring(track);
            bySource.put(track, ring);
            rings.add(ring);
        }
    }

    /** Queues ids the wheel of {@code track} released; each still holds its place in the capacity. */
    void add(SourceTrack track, long[] ids) {
        if (ids.length == 0) {
            return;
        }
        Ring ring = ring(track);
        lock.lock();
        try {
            ring.add(ids);
            queued += ids.length;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} ids of one source, or null when every queue is empty. Never waits. */
    Batch poll(int max) {
        lock.lock();
        try {
            return queued == 0 ? null : takeLocked(max);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Up to {@code max} ids of one source, waiting until there are some; null once {@link #close()}d.
     * Whatever queued up while the caller was busy comes out at once, up to {@code max}.
     */
    Batch take(int max) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && queued == 0) {
                notEmpty.await();
            }
            return closed ? null : takeLocked(max);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes every occurrence of {@code ids} from the source's queue (the sweeper closed them) and
     * gives their places back; returns how many it removed.
     */
    int remove(SourceTrack track, long[] ids) {
        Ring ring = bySource.get(track);
        if (ring == null || ids.length == 0) {
            return 0;
        }
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        int removed;
        lock.lock();
        try {
            removed = ring.removeAll(sorted);
            queued -= removed;
        } finally {
            lock.unlock();
        }
        capacity.release(removed);
        return removed;
    }

    /** Whether ids are waiting for a worker: the database is the bottleneck right now. */
    boolean backlogged() {
        return size() > 0;
    }

    long size() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    /** Lets workers wait for work again (the engine starts). */
    void open() {
        lock.lock();
        try {
            closed = false;
        } finally {
            lock.unlock();
        }
    }

    /** Sends waiting workers away: {@link #take} answers null from now on (the engine stops). */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Empties every queue and gives the places back; returns how many ids were dropped. */
    long dropAll() {
        long dropped;
        lock.lock();
        try {
            dropped = queued;
            rings.forEach(Ring::clear);
            queued = 0;
        } finally {
            lock.unlock();
        }
        capacity.release(dropped);
        return dropped;
    }

    private Batch takeLocked(int max) {
        for (int i = 0; i < rings.size(); i++) {
            Ring ring = rings.get((nextRing + i) % rings.size());
            if (ring.size > 0) {
                nextRing = (nextRing + i + 1) % rings.size();
                long[] ids = ring.take(max);
                queued -= ids.length;
                if (queued > 0) {
                    // Another worker may be waiting while this one is in its transaction.
                    notEmpty.signal();
                }
                return new Batch(ring.track, ids);
            }
        }
        throw new IllegalStateException(queued + " ids queued but every queue is empty");
    }

    private Ring ring(SourceTrack track) {
        Ring ring = bySource.get(track);
        if (ring == null) {
            throw new IllegalArgumentException("no due queue for source " + track.source.name());
        }
        return ring;
    }

    /** A growable ring buffer of ids, first in first out. Guarded by the queues' lock. */
    private static final class Ring {
        private final SourceTrack track;
        private long[] slots = new long[INITIAL_SLOTS];
        private int head;
        private int size;

        Ring(SourceTrack track) {
            this.track = track;
        }

        void add(long[] ids) {
            if (size + ids.length > slots.length) {
                grow(size + ids.length);
            }
            int mask = slots.length - 1;
            for (long id : ids) {
                slots[(head + size++) & mask] = id;
            }
        }

        long[] take(int max) {
            int count = Math.min(max, size);
            long[] taken = new long[count];
            int mask = slots.length - 1;
            for (int i = 0; i < count; i++) {
                taken[i] = slots[(head + i) & mask];
            }
            head = (head + count) & mask;
            size -= count;
            if (size == 0) {
                clear();
            }
            return taken;
        }

        /** Keeps the ids not in {@code sorted}, in their order; returns how many went. */
        int removeAll(long[] sorted) {
            int mask = slots.length - 1;
            int kept = 0;
            for (int i = 0; i < size; i++) {
                long id = slots[(head + i) & mask];
                if (Arrays.binarySearch(sorted, id) < 0) {
                    slots[(head + kept++) & mask] = id;
                }
            }
            int removed = size - kept;
            size = kept;
            if (size == 0) {
                clear();
            }
            return removed;
        }

        void clear() {
            head = 0;
            size = 0;
            if (slots.length > KEPT_SLOTS) {
                slots = new long[INITIAL_SLOTS];
            }
        }

        private void grow(int needed) {
            int length = slots.length;
            while (length < needed) {
                length <<= 1;
            }
            long[] larger = new long[length];
            int mask = slots.length - 1;
            for (int i = 0; i < size; i++) {
                larger[i] = slots[(head + i) & mask];
            }
            slots = larger;
            head = 0;
        }
    }
}
