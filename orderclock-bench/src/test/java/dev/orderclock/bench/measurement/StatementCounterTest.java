package dev.orderclock.bench.measurement;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatementCounterTest {

    private static final String PREFIX = "SELECT trade_no, order_id, channel, amount, status, opened_at, expires_at, "
            + "pay_url, channel_trade_no, paid_at FROM payment_attempts";

    @Test
    void statementsAlikeInTheirShortenedTextShareALineOfTheTopAndNoneIsLost() {
        StatementCounter.Issued issued = new StatementCounter.Issued(
                Map.of(PREFIX + " WHERE status = ?", 4L, PREFIX + " WHERE refund_status = ?", 2L, "COMMIT", 16L), 120);

        Map<String, Long> top = issued.top(12);

        assertThat(top.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(issued.total());
        assertThat(top).containsEntry("COMMIT", 16L).containsEntry(PREFIX.substring(0, 107) + "...", 6L);
    }

    @Test
    void commitsAndStatementsAMinuteAreCountedOverTheWindow() {
        StatementCounter.Issued issued = new StatementCounter.Issued(Map.of("COMMIT", 16L, "SELECT 1", 30L), 120);

        assertThat(issued.perMinute()).isEqualTo(23.0);
        assertThat(issued.commitsPerMinute()).isEqualTo(8.0);
    }

    @Test
    void theBenchsOwnReadsAreLeftOut() {
        assertThat(StatementCounter.isOwn("SELECT SQL_STATEMENT, EXECUTION_COUNT AS ORDERCLOCK_BENCH FROM X"))
                .isTrue();
        assertThat(StatementCounter.isOwn("SELECT 1 FROM orders")).isFalse();
    }
}
