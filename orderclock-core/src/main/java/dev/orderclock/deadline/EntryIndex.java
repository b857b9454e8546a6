package dev.orderclock.deadline;

import java.util.function.Consumer;

/**
 * The wheel's entries by id: open addressing with linear probing over a plain array, so an entry
 * costs one array slot and no boxed key. Deletion shifts the following run back instead of leaving
 * tombstones. Not thread-safe (owned by the wheel).
 */
final class EntryIndex {

    private static final int MIN_CAPACITY = 1024;

    private TimingWheel.Entry[] table = new TimingWheel.Entry[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    TimingWheel.Entry get(long id) {
        int mask = table.length - 1;
        for (int i = slotOf(id, mask); ; i = (i + 1) & mask) {
            TimingWheel.Entry entry = table[i];
            if (entry == null || entry.id == id) {
                return entry;
            }
        }
    }

    void put(TimingWheel.Entry entry) {
        if ((size + 1) * 2 > table.length) {
            resize(table.length * 2);
        }
        int mask = table.length - 1;
        int i = slotOf(entry.id, mask);
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = entry;
        size++;
    }

    TimingWheel.Entry remove(long id) {
        int mask = table.length - 1;
        int i = slotOf(id, mask);
        while (table[i] != null && table[i].id != id) {
            i = (i + 1) & mask;
        }
        TimingWheel.Entry removed = table[i];
        if (removed == null) {
            return null;
        }
        table[i] = null;
        size--;
        // Shift back the rest of the probe run so that every entry stays reachable from its home slot.
        int hole = i;
        for (int j = (i + 1) & mask; table[j] != null; j = (j + 1) & mask) {
            int home = slotOf(table[j].id, mask);
            boolean homeOutsideHoleToJ = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (homeOutsideHoleToJ) {
                table[hole] = table[j];
                table[j] = null;
                hole = j;
            }
        }
        return removed;
    }

    void forEach(Consumer<TimingWheel.Entry> action) {
        for (TimingWheel.Entry entry : table) {
            if (entry != null) {
                action.accept(entry);
            }
        }
    }

    void clear() {
        table = new TimingWheel.Entry[MIN_CAPACITY];
        size = 0;
    }

    private void resize(int capacity) {
        TimingWheel.Entry[] old = table;
        table = new TimingWheel.Entry[capacity];
        size = 0;
        for (TimingWheel.Entry entry : old) {
            if (entry != null) {
                put(entry);
            }
        }
    }

    private static int slotOf(long id, int mask) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
