package dev.orderclock.rabbitmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deadlines waiting to be published, one open batch per source and due second: the tiers move
 * messages, not deadlines, so the broker's cost per message is shared by up to {@code maxIds}.
 * A batch is cut when it is full ({@link #add}), when it has been open for the linger, or when its
 * due second is less than the lead away ({@link #ready}): far deadlines share a message for a whole
 * linger, near ones leave at once. Keeping a batch to one due second keeps its deadlines within a
 * second of each other, so routing it by the earliest costs the others at most a second in the
 * consumer's wheel, never lateness.
 * Thread-safe; time is whatever the caller passes (epoch millis of the injected clock).
 */
final class DelayBatches {

    private record Key(String source, long dueSecond) {}

    /** Insertion order is opening order: batches leave in the order they opened. */
    private final Map<Key, Open> open = new LinkedHashMap<>();

    private final int maxIds;
    private final long lingerMillis;
    private final long leadMillis;
    private int pending;

    /**
     * @param maxIds the most deadlines in one message
     * @param linger the longest a batch stays open
     * @param lead   how long before its due second begins a batch leaves, however briefly it was open
     */
    DelayBatches(int maxIds, Duration linger, Duration lead) {
        if (maxIds < 1 || linger.isNegative() || lead.isNegative()) {
            throw new IllegalArgumentException("batch of at least 1 id, a linger and a lead of 0 or more: " + maxIds
                    + ", " + linger + ", " + lead);
        }
        this.maxIds = maxIds;
        this.lingerMillis = linger.toMillis();
        this.leadMillis = lead.toMillis();
    }

    /** Adds a deadline; returns the batch it completed, or {@code null} if that batch stays open. */
    synchronized DelayMessage add(String source, long id, long dueMillis, long nowMillis) {
        Key key = new Key(source, Math.floorDiv(dueMillis, 1000));
        Open batch = open.computeIfAbsent(key, k -> new Open(nowMillis, maxIds));
        batch.add(id, dueMillis);
        pending++;
        if (batch.size < maxIds) {
            return null;
        }
        open.remove(key);
        pending -= batch.size;
        return batch.toMessage(source);
    }

    /**
     * Removes and returns every batch open for the linger or longer at {@code nowMillis}, and every
     * batch whose due second begins within the lead. Looks at every open batch: there are about as
     * many as distinct due seconds in one linger, per source.
     */
    synchronized List<DelayMessage> ready(long nowMillis) {
        List<DelayMessage> due = new ArrayList<>();
        Iterator<Map.Entry<Key, Open>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Open> entry = it.next();
            boolean lingered = nowMillis - entry.getValue().openedMillis >= lingerMillis;
            boolean near = entry.getKey().dueSecond() * 1000 - nowMillis <= leadMillis;
            if (!lingered && !near) {
                continue;
            }
            it.remove();
            pending -= entry.getValue().size;
            due.add(entry.getValue().toMessage(entry.getKey().source()));
        }
        return due;
    }

    /** Removes and returns every open batch, lingered or not (at shutdown). */
    synchronized List<DelayMessage> drain() {
        List<DelayMessage> all = new ArrayList<>(open.size());
        open.forEach((key, batch) -> all.add(batch.toMessage(key.source())));
        open.clear();
        pending = 0;
        return all;
    }

    /** Deadlines added and not yet handed out in a batch. */
    synchronized int pending() {
        return pending;
    }

    private static final class Open {
        final long openedMillis;
        long[] ids;
        long[] due;
        int size;

        Open(long openedMillis, int maxIds) {
            this.openedMillis = openedMillis;
            // grows on demand: most batches cut by the linger are far smaller than the cap
            int initial = Math.min(maxIds, 16);
            this.ids = new long[initial];
            this.due = new long[initial];
        }

        void add(long id, long dueMillis) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                due = Arrays.copyOf(due, size * 2);
            }
            ids[size] = id;
            due[size] = dueMillis;
            size++;
        }

        DelayMessage toMessage(String source) {
            return new DelayMessage(source, Arrays.copyOf(ids, size), Arrays.copyOf(due, size));
        }
    }
}
