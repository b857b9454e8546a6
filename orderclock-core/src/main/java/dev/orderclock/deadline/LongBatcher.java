package dev.orderclock.deadline;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Collects ids into arrays of at most {@code size} and hands each full array on; {@link #flush()}
 * hands the rest. One batch per transaction, wherever deadlines are fired. Not thread-safe.
 */
public final class LongBatcher implements LongConsumer {

    private final int size;
    private final Consumer<long[]> sink;
    private long[] batch;
    private int count;

    public LongBatcher(int size, Consumer<long[]> sink) {
        if (size <= 0) {
            throw new IllegalArgumentException("batch size must be positive: " + size);
        }
        this.size = size;
        this.sink = sink;
    }

    @Override
    public void accept(long id) {
        if (batch == null) {
            batch = new long[size];
        }
        batch[count++] = id;
        if (count == size) {
            sink.accept(batch);
            batch = null;
            count = 0;
        }
    }

    public void flush() {
        if (count > 0) {
            sink.accept(Arrays.copyOf(batch, count));
            batch = null;
            count = 0;
        }
    }
}
