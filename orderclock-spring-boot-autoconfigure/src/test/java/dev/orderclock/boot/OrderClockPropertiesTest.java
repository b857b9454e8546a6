package dev.orderclock.boot;

import dev.orderclock.deadline.DeadlineEngine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderClockPropertiesTest {

    @Test
    void the_written_out_defaults_are_the_engines_own() {
        OrderClockProperties.Engine engine = new OrderClockProperties().getEngine();

        assertThat(engine.getHorizon()).isEqualTo(DeadlineEngine.DEFAULT_HORIZON);
        assertThat(engine.getTick()).isEqualTo(DeadlineEngine.DEFAULT_TICK);
        assertThat(engine.getGrace()).isEqualTo(DeadlineEngine.DEFAULT_GRACE);
        assertThat(engine.getSweepInterval()).isEqualTo(DeadlineEngine.DEFAULT_SWEEP_INTERVAL);
        assertThat(engine.getRetryDelay()).isEqualTo(DeadlineEngine.DEFAULT_RETRY_DELAY);
        assertThat(engine.getFiringBatchSize()).isEqualTo(DeadlineEngine.DEFAULT_FIRING_BATCH_SIZE);
        assertThat(engine.getFiringThreads()).isEqualTo(DeadlineEngine.DEFAULT_FIRING_THREADS);
        assertThat(engine.getLoadPageSize()).isEqualTo(DeadlineEngine.DEFAULT_LOAD_PAGE_SIZE);
        assertThat(engine.getSweepBatchSize()).isEqualTo(DeadlineEngine.DEFAULT_SWEEP_BATCH_SIZE);
        assertThat(engine.getMaxInMemory()).isEqualTo(DeadlineEngine.DEFAULT_MAX_IN_MEMORY);
    }

    @Test
    void a_table_described_without_an_id_column_uses_id() {
        assertThat(new OrderClockProperties.Table().getIdColumn()).isEqualTo("id");
    }

    @Test
    void truncation_never_moves_a_time_later_and_keeps_the_columns_digits() {
        java.time.Instant instant = java.time.Instant.parse("2026-01-01T00:00:01.987654321Z");

        assertThat(TableDeadlineSource.truncate(instant, 6)).isEqualTo("2026-01-01T00:00:01.987Z");
        assertThat(TableDeadlineSource.truncate(instant, 3)).isEqualTo("2026-01-01T00:00:01.987Z");
        assertThat(TableDeadlineSource.truncate(instant, 1)).isEqualTo("2026-01-01T00:00:01.900Z");
        assertThat(TableDeadlineSource.truncate(instant, 0)).isEqualTo("2026-01-01T00:00:01Z");
    }
}
