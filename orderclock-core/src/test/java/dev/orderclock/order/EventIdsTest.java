package dev.orderclock.order;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    static final Instant T0 = Instant.parse("2026-11-27T05:50:00.123Z");

    @Test
    void anIdIsAVersion7UuidThatStartsWithItsMillisecond() {
        // when
        UUID id = EventIds.next(T0);
        // then
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void idsOfLaterEventsSortAfterEarlierOnesAsTheDatabaseComparesThem() {
        // given
        UUID earlier = EventIds.next(T0);
        UUID later = EventIds.next(T0.plusMillis(1));
        // then: a UUID column orders by the unsigned bytes, which is the string's order
        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        // given
        Set<UUID> ids = new HashSet<>();
        // when
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.next(T0));
        }
        // then
        assertThat(ids).hasSize(100_000);
    }
}
