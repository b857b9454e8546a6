package dev.orderclock.deadline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wheel's id index: open addressing whose deletion shifts the probe run back. Ids that are
 * multiples of 2^42 all hash to slot 0 of the first table, so they make one long run that other ids
 * wrap into; removing from the middle of such runs is where a wrong shift loses an entry.
 */
class EntryIndexTest {

    /** Multiples of 2^42: the multiplicative hash leaves their low 42 bits zero, so their home is slot 0. */
    private static long colliding(int k) {
        return (long) k << 42;
    }

    @Test
    void findsEveryCollidingIdAfterAnyOfThemIsRemoved() {
        // given 300 ids with one home slot, and 100 ordinary ids around them
        EntryIndex index = new EntryIndex();
        List<Long> ids = new ArrayList<>();
        for (int k = 1; k <= 300; k++) {
            ids.add(colliding(k));
        }
        for (long id = 1; id <= 100; id++) {
            ids.add(id * 7_919);
        }
        ids.forEach(id -> index.put(entry(id)));
        List<Long> removalOrder = new ArrayList<>(ids);
        Collections.shuffle(removalOrder, new Random(7));

        // when / then: after each removal the removed id is gone and every other one is still found
        List<Long> left = new ArrayList<>(ids);
        for (long id : removalOrder) {
            assertThat(index.remove(id)).extracting(e -> e.id).isEqualTo(id);
            left.remove(id);
            assertThat(index.get(id)).isNull();
            assertThat(index.size()).isEqualTo(left.size());
            for (long other : left) {
                assertThat(index.get(other))
                        .as("id %d after removing %d", other, id)
                        .isNotNull();
            }
        }
    }

    @Test
    void removingAnIdNotHeldChangesNothing() {
        // given
        EntryIndex index = new EntryIndex();
        index.put(entry(colliding(1)));
        index.put(entry(colliding(2)));

        // when
        TimingWheel.Entry removed = index.remove(colliding(3));

        // then
        assertThat(removed).isNull();
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.get(colliding(1))).isNotNull();
        assertThat(index.get(colliding(2))).isNotNull();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void behavesLikeAHashMapUnderRandomPutsAndRemoves(long seed) {
        // given a pool of ids: colliding ones, ids that may land near the end of the table, random ones
        Random random = new Random(seed);
        long[] pool = new long[3_000];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = switch (i % 3) {
                case 0 -> colliding(i);
                case 1 -> i;
                default -> random.nextLong();
            };
        }
        EntryIndex index = new EntryIndex();
        Map<Long, TimingWheel.Entry> expected = new HashMap<>();

        // when: random puts (only of ids not held, as the wheel does) and removes, the size swinging
        // up past resizes and back down, some phases hammering a few ids
        List<String> mismatches = new ArrayList<>();
        for (int step = 0; step < 60_000 && mismatches.isEmpty(); step++) {
            long id = pool[random.nextInt(step % 20_000 < 10_000 ? pool.length : 400)];
            boolean grow = (step / 5_000) % 2 == 0;
            if (random.nextInt(10) < (grow ? 7 : 3)) {
                if (!expected.containsKey(id)) {
                    TimingWheel.Entry entry = entry(id);
                    index.put(entry);
                    expected.put(id, entry);
                }
            } else if (index.remove(id) != expected.remove(id)) {
                mismatches.add("remove of " + id + " at step " + step);
            }

            // then (plain checks in the loop, one assertion at the end: AssertJ per step is slow)
            if (index.size() != expected.size()) {
                mismatches.add("size at step " + step);
            }
            if (step % 500 == 0) {
                for (long any : pool) {
                    if (index.get(any) != expected.get(any)) {
                        mismatches.add("get of " + any + " at step " + step);
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        List<Long> seen = new ArrayList<>();
        index.forEach(entry -> seen.add(entry.id));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    private static TimingWheel.Entry entry(long id) {
        return new TimingWheel.Entry(id, 0);
    }
}
