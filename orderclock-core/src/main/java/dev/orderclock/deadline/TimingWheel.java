package dev.orderclock.deadline;

import java.util.function.LongConsumer;

/**
 * A hierarchical timing wheel of deadlines keyed by id: four levels of 256 slots, level 0 one tick
 * per slot, each level above 256 times coarser, so with a 10 ms tick it spans about 497 days before
 * the top level wraps (farther deadlines wait in the top level and are re-placed as it turns).
 *
 * <p><b>Tick.</b> A deadline is rounded <em>up</em> to its tick, so it is never released early:
 * an id comes out of {@link #advanceTo} only when {@code advanceTo(now)} is called with
 * {@code now >= due}. Lateness added by the wheel is at most one tick plus the caller's own delay.
 *
 * <p><b>Cost.</b> Schedule, cancel and expiry are O(1); an entry is re-placed at most once per level
 * on its way down. Advancing goes tick by tick only while level 0 holds something; otherwise it leaps
 * to the next boundary of the lowest level that does, so time with nothing due costs a handful of
 * steps however long it is (walking every 10 ms tick costs the ticker about a second per month).
 *
 * <p><b>Memory.</b> One entry object (about 48 bytes) and one index slot per deadline held; the number
 * held is bounded by the shared {@link Capacity}: {@link #schedule} refuses when it is full. Expired
 * ids keep their place in the capacity until the caller releases it, so batches being fired count.
 *
 * <p><b>Threading.</b> Not thread-safe: one thread owns the wheel (the engine's ticker). Other threads
 * hand it work through the engine's command queue, which keeps locks off the hot path.
 */
public final class TimingWheel {

    private static final int BITS = 8;
    private static final int SLOTS = 1 << BITS;
    private static final int MASK = SLOTS - 1;
    private static final int LEVELS = 4;
    private static final byte DUE_LIST = -1;

    private final long tickMillis;
    private final Capacity capacity;
    private final Entry[][] slots = new Entry[LEVELS][SLOTS];
    private final EntryIndex index = new EntryIndex();
    /** Entries in each level's slots (the due list not counted): tells an advance which stretches are empty. */
    private final int[] heldPerLevel = new int[LEVELS];
    /** Entries whose tick has already been reached: released by the next advance. */
    private Entry due;
    /** The last tick whose level-0 slot has been expired. */
    private long currentTick;

    public TimingWheel(long tickMillis, long startMillis, Capacity capacity) {
        if (tickMillis <= 0) {
            throw new IllegalArgumentException("tick must be positive: " + tickMillis);
        }
        this.tickMillis = tickMillis;
        this.capacity = capacity;
        this.currentTick = Math.floorDiv(startMillis, tickMillis);
    }

    /**
     * Holds {@code id} until {@code dueMillis}. An id already held stays as it is (a deadline loaded
     * twice is held once). Returns false, changing nothing, when the capacity is full.
     */
    public boolean schedule(long id, long dueMillis) {
        if (index.get(id) != null) {
            return true;
        }
        if (!capacity.tryAcquire()) {
            return false;
        }
        Entry entry = new Entry(id, ceilTick(dueMillis));
        index.put(entry);
        place(entry);
        return true;
    }

    /** Forgets {@code id}, giving its place back; false when it was not held. */
    public boolean cancel(long id) {
        Entry entry = index.remove(id);
        if (entry == null) {
            return false;
        }
        unlink(entry);
        capacity.release(1);
        return true;
    }

    public boolean contains(long id) {
        return index.get(id) != null;
    }

    /** How many deadlines the wheel holds (not counting expired ones being fired). */
    public int size() {
        return index.size();
    }

    /**
     * Releases, in due order by tick, every id due at or before {@code nowMillis} (ids that were
     * already due when scheduled come first, in no particular order). The ids keep their place in the
     * capacity; the caller releases it when it is done with them.
     */
    public void advanceTo(long nowMillis, LongConsumer expired) {
        long target = Math.floorDiv(nowMillis, tickMillis);
        expireDue(expired);
        while (currentTick < target) {
            long next = index.size() == 0 ? Long.MAX_VALUE : nextTickWithWork();
            if (next > target) {
                currentTick = target;
                return;
            }
            currentTick = next;
            for (int level = LEVELS - 1; level >= 1; level--) {
                long lowerBits = (1L << (BITS * level)) - 1;
                if ((currentTick & lowerBits) == 0) {
                    cascade(level, (int) (currentTick >>> (BITS * level)) & MASK);
                }
            }
            Entry head = slots[0][(int) currentTick & MASK];
            slots[0][(int) currentTick & MASK] = null;
            heldPerLevel[0] -= expireAll(head, expired);
            expireDue(expired);
        }
    }

    /**
     * The next tick at which a slot can expire or cascade. Entries below level L are always in the
     * current turn of their level, so when levels below L are empty nothing happens before the next
     * multiple of 256^L, where level L's slot cascades.
     */
    private long nextTickWithWork() {
        for (int level = 1; level < LEVELS; level++) {
            if (heldPerLevel[level - 1] > 0) {
                break;
            }
            if (heldPerLevel[level] > 0) {
                return (currentTick | ((1L << (BITS * level)) - 1)) + 1;
            }
        }
        return currentTick + 1;
    }

    /** Empties the wheel, handing every id it held to {@code remaining} and giving their places back. */
    public void drain(LongConsumer remaining) {
        int count = index.size();
        index.forEach(entry -> remaining.accept(entry.id));
        index.clear();
        for (Entry[] level : slots) {
            java.util.Arrays.fill(level, null);
        }
        due = null;
        java.util.Arrays.fill(heldPerLevel, 0);
        capacity.release(count);
    }

    private void cascade(int level, int slot) {
        Entry entry = slots[level][slot];
        slots[level][slot] = null;
        while (entry != null) {
            Entry next = entry.next;
            entry.prev = null;
            entry.next = null;
            heldPerLevel[level]--;
            place(entry);
            entry = next;
        }
    }

    private void expireDue(LongConsumer expired) {
        Entry head = due;
        due = null;
        expireAll(head, expired);
    }

    private int expireAll(Entry head, LongConsumer expired) {
        int count = 0;
        Entry entry = head;
        while (entry != null) {
            Entry next = entry.next;
            index.remove(entry.id);
            expired.accept(entry.id);
            entry = next;
            count++;
        }
        return count;
    }

    private void place(Entry entry) {
        long tick = entry.tick;
        if (tick <= currentTick) {
            entry.level = DUE_LIST;
            link(entry);
            return;
        }
        int highestDifferingBit = 63 - Long.numberOfLeadingZeros(tick ^ currentTick);
        int level = Math.min(highestDifferingBit / BITS, LEVELS - 1);
        entry.level = (byte) level;
        entry.slot = (short) ((tick >>> (BITS * level)) & MASK);
        link(entry);
    }

    private void link(Entry entry) {
        if (entry.level != DUE_LIST) {
            heldPerLevel[entry.level]++;
        }
        Entry head = entry.level == DUE_LIST ? due : slots[entry.level][entry.slot];
        entry.next = head;
        entry.prev = null;
        if (head != null) {
            head.prev = entry;
        }
        setHead(entry, entry);
    }

    private void unlink(Entry entry) {
        if (entry.level != DUE_LIST) {
            heldPerLevel[entry.level]--;
        }
        if (entry.prev != null) {
            entry.prev.next = entry.next;
        } else {
            setHead(entry, entry.next);
        }
        if (entry.next != null) {
            entry.next.prev = entry.prev;
        }
        entry.prev = null;
        entry.next = null;
    }

    private void setHead(Entry of, Entry head) {
        if (of.level == DUE_LIST) {
            due = head;
        } else {
            slots[of.level][of.slot] = head;
        }
    }

    private long ceilTick(long dueMillis) {
        return -Math.floorDiv(-dueMillis, tickMillis);
    }

    /** One held deadline, linked into the list of its slot. */
    static final class Entry {
        final long id;
        final long tick;
        Entry prev;
        Entry next;
        byte level;
        short slot;

        Entry(long id, long tick) {
            this.id = id;
            this.tick = tick;
        }
    }
}
