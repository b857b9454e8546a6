package dev.orderclock.jmh;

import java.util.SplittableRandom;

/**
 * The same workload for every structure: order ids as the service makes them (random positive
 * longs) and deadlines at random milliseconds over a span, from a fixed seed.
 */
final class Deadlines {

    final long[] ids;
    final long[] dueMillis;

    Deadlines(int count, long spanMillis) {
        SplittableRandom random = new SplittableRandom(20261127);
        ids = new long[count];
        dueMillis = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = random.nextLong(1, 1L << 50);
            dueMillis[i] = random.nextLong(1, spanMillis);
        }
    }

    int count() {
        return ids.length;
    }
}
