package dev.orderclock.jdbc;

import dev.orderclock.order.OrderTransition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweeper's idle look on an idle shop: 20,000 orders, every one pending and due an hour out.
 * As a cached statement (the driver prepares it on the server after five runs) its generic plan
 * once guessed a third of them overdue and scanned the table for its LIMIT 1, reading all 20,000
 * rows each second (issue 15, measured with pg_stat_database); it must read the deadline index and
 * stop at the first entry past the cutoff.
 */
class PostgresIdleLookIT {

    private final TestDatabase database = TestDatabase.postgres();

    @AfterEach
    void dropTheSchema() {
        database.close();
    }

    @Test
    void theIdleLookAsACachedStatementReadsTheDeadlineIndexNotEveryPendingRow() {
        pendingAnHourOut();

        String plan = new QueryPlans(database).genericAnyOverdue(OrderTransition.CLOSE_FOR_TIMEOUT);

        assertThat(plan).contains("Index Scan using orders_pay_due").doesNotContain("Seq Scan");
    }

    /**
     * The look the payment timeout sweeper runs ({@link TimeoutClaims}, which also finds orders with an
     * open attempt no check has claimed): unordered, its generic plan scanned all 20,000 pending rows
     * every 5 s on an idle cluster (issue 15). Run, it reads no row at all.
     */
    @Test
    void thePaymentTimeoutLookAsACachedStatementReadsNoRow() {
        pendingAnHourOut();

        String run = new QueryPlans(database).genericAnySweepableForTimeoutRun();

        assertThat(run)
                .contains("Index Scan using orders_pay_due")
                .contains("(actual rows=0 loops=1)")
                .doesNotContain("Seq Scan")
                .doesNotContain("Rows Removed");
    }

    private void pendingAnHourOut() {
        database.execute("""
                INSERT INTO orders (id, user_id, status, amount, currency, created_at, pay_deadline)
                SELECT g, 'u-' || g, 'PENDING_PAYMENT', 9.99, 'CNY', TIMESTAMPTZ '2026-11-24 00:00:00+00',
                       TIMESTAMPTZ '2026-11-24 01:00:00+00' + make_interval(secs => mod(g, 60))
                  FROM generate_series(1, %d) g""".formatted(QueryPlans.ORDERS));
        database.execute("ANALYZE orders");
    }
}
