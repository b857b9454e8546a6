package dev.orderclock.deadline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ids cut into batches of at most the size, in the order they came, the rest handed on by a flush. */
class LongBatcherTest {

    private final List<long[]> batches = new ArrayList<>();

    @Test
    void handsOnEachFullBatchAsItFillsAndTheRestOnFlush() {
        // given
        LongBatcher batcher = new LongBatcher(4, batches::add);

        // when
        LongStream.rangeClosed(1, 9).forEach(batcher);

        // then
        assertThat(batches).containsExactly(new long[] {1, 2, 3, 4}, new long[] {5, 6, 7, 8});
        batcher.flush();
        assertThat(batches).last().isEqualTo(new long[] {9});
    }

    @Test
    void aFlushWithNothingCollectedHandsNothingOn() {
        // given
        LongBatcher batcher = new LongBatcher(4, batches::add);
        LongStream.rangeClosed(1, 4).forEach(batcher);

        // when
        batcher.flush();
        batcher.flush();

        // then
        assertThat(batches).hasSize(1);
    }

    @Test
    void refusesABatchSizeBelowOne() {
        assertThatThrownBy(() -> new LongBatcher(0, batches::add)).isInstanceOf(IllegalArgumentException.class);
    }
}
