package dev.orderclock.rabbitmq;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cutting deadlines into delay messages, with time passed in: by size, by linger, by nearness, by due second and source. */
class DelayBatchesTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final long DUE_SECOND = NOW + 10_000;

    private final DelayBatches batches = new DelayBatches(3, Duration.ofMillis(50), Duration.ofSeconds(1));

    @Test
    void aBatchIsCutWhenItReachesTheSizeCap() {
        // given two deadlines in the same due second
        assertThat(batches.add("pay", 1, DUE_SECOND + 10, NOW)).isNull();
        assertThat(batches.add("pay", 2, DUE_SECOND + 20, NOW)).isNull();

        // when the third arrives
        DelayMessage full = batches.add("pay", 3, DUE_SECOND + 30, NOW);

        // then the three leave as one message and nothing stays buffered
        assertThat(full.ids()).containsExactly(1, 2, 3);
        assertThat(full.dueMillis()).containsExactly(DUE_SECOND + 10, DUE_SECOND + 20, DUE_SECOND + 30);
        assertThat(batches.pending()).isZero();
        assertThat(batches.ready(NOW + 1_000)).isEmpty();
    }

    @Test
    void aBatchIsCutWhenItHasBeenOpenForTheLinger() {
        // given a batch opened at NOW and another opened 30 ms later
        batches.add("pay", 1, DUE_SECOND, NOW);
        batches.add("pay", 2, DUE_SECOND + 1_000, NOW + 30);

        // when 49 ms, then 50 ms, then 80 ms have passed
        List<DelayMessage> early = batches.ready(NOW + 49);
        List<DelayMessage> first = batches.ready(NOW + 50);
        List<DelayMessage> second = batches.ready(NOW + 80);

        // then each goes once its own linger has passed, not before
        assertThat(early).isEmpty();
        assertThat(first).singleElement().satisfies(m -> assertThat(m.ids()).containsExactly(1));
        assertThat(second).singleElement().satisfies(m -> assertThat(m.ids()).containsExactly(2));
        assertThat(batches.pending()).isZero();
    }

    @Test
    void deadlinesOfDifferentDueSecondsOrSourcesNeverShareAMessage() {
        // given deadlines either side of a second's boundary, and one of another source
        batches.add("pay", 1, DUE_SECOND + 999, NOW);
        batches.add("pay", 2, DUE_SECOND + 1_000, NOW);
        batches.add("confirm", 3, DUE_SECOND + 999, NOW);
        batches.add("pay", 4, DUE_SECOND + 1, NOW);

        // when all have lingered
        List<DelayMessage> messages = batches.ready(NOW + 50);

        // then one message per (source, due second), in the order they opened
        assertThat(messages).extracting(DelayMessage::source).containsExactly("pay", "pay", "confirm");
        assertThat(messages.get(0).ids()).containsExactly(1, 4);
        assertThat(messages.get(1).ids()).containsExactly(2);
        assertThat(messages.get(2).ids()).containsExactly(3);
    }

    @Test
    void drainingHandsOutEveryOpenBatchLingeredOrNot() {
        // given two open batches
        batches.add("pay", 1, DUE_SECOND, NOW);
        batches.add("pay", 2, DUE_SECOND + 5_000, NOW);

        // when drained at shutdown
        List<DelayMessage> all = batches.drain();

        // then both leave and nothing is buffered
        assertThat(all).hasSize(2);
        assertThat(batches.pending()).isZero();
    }

    @Test
    void aFullBatchOpensAFreshOneForTheSameSecond() {
        // given a batch cut by size
        for (long id = 1; id <= 3; id++) {
            batches.add("pay", id, DUE_SECOND, NOW);
        }

        // when a fourth deadline of the same second arrives later
        batches.add("pay", 4, DUE_SECOND, NOW + 40);

        // then it lingers from its own opening, not the cut batch's
        assertThat(batches.ready(NOW + 50)).isEmpty();
        assertThat(batches.ready(NOW + 90))
                .singleElement()
                .satisfies(m -> assertThat(m.ids()).containsExactly(4));
    }

    @Test
    void aBatchWhoseDueSecondIsWithinTheLeadLeavesAtOnce() {
        // given a long linger, a deadline due in 1.5 s (its second begins in 1 s) and one due in 3.5 s
        DelayBatches patient = new DelayBatches(500, Duration.ofSeconds(5), Duration.ofSeconds(1));
        patient.add("pay", 1, NOW + 1_500, NOW);
        patient.add("pay", 2, NOW + 3_500, NOW);

        // when the flusher looks now, just before the far one's second is within the lead, and once it is
        List<DelayMessage> now = patient.ready(NOW);
        List<DelayMessage> notYet = patient.ready(NOW + 1_999);
        List<DelayMessage> later = patient.ready(NOW + 2_000);

        // then the near one leaves at once, the far one when its due second is the lead away, neither waits the linger
        assertThat(now).singleElement().satisfies(m -> assertThat(m.ids()).containsExactly(1));
        assertThat(notYet).isEmpty();
        assertThat(later).singleElement().satisfies(m -> assertThat(m.ids()).containsExactly(2));
        assertThat(patient.pending()).isZero();
    }
}
