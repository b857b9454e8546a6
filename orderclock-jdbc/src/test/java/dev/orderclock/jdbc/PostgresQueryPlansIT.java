package dev.orderclock.jdbc;

import dev.orderclock.order.OrderTransition;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot queries read indexes, never the whole table, on PostgreSQL with statistics of 20,000
 * orders of which one in twenty is pending and one in twenty shipped: the custom plans for the
 * values bound, and for the horizon scan and the claim also the generic plan of a cached statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresQueryPlansIT {

    private TestDatabase database;
    private QueryPlans plans;

    @BeforeAll
    void manyOrdersOfWhichFewWaitForADeadline() {
        database = TestDatabase.postgres();
        database.execute("""
                INSERT INTO orders (id, user_id, status, close_reason, amount, currency, created_at, pay_deadline,
                                    confirm_deadline)
                SELECT g, 'u-' || mod(g, 500),
                       CASE mod(g, 20) WHEN 0 THEN 'PENDING_PAYMENT' WHEN 1 THEN 'SHIPPED' WHEN 2 THEN 'CLOSED'
                                       ELSE 'COMPLETED' END,
                       CASE mod(g, 20) WHEN 2 THEN 'PAYMENT_TIMEOUT' END,
                       9.99, 'CNY', TIMESTAMPTZ '2026-11-24 00:00:00+00' + make_interval(secs => g),
                       TIMESTAMPTZ '2026-11-24 00:30:00+00' + make_interval(secs => g),
                       TIMESTAMPTZ '2026-12-01 00:00:00+00' + make_interval(secs => g)
                  FROM generate_series(1, %d) g""".formatted(QueryPlans.ORDERS));
        database.execute(QueryPlans.PRODUCT_AND_LINES);
        plans = new QueryPlans(database);
    }

    @AfterAll
    void dropTheSchema() {
        database.close();
    }

    @Test
    void theHorizonScanReadsOnlyThePartialIndexOfPendingOrders() {
        assertThat(plans.deadlines(OrderTransition.CLOSE_FOR_TIMEOUT))
                .contains("orders_pay_due")
                .doesNotContain("Seq Scan");
        assertThat(plans.genericDeadlines(OrderTransition.CLOSE_FOR_TIMEOUT))
                .contains("Index Only Scan using orders_pay_due")
                .doesNotContain("Sort");
    }

    @Test
    void theAutoConfirmScanReadsOnlyThePartialIndexOfShippedOrders() {
        assertThat(plans.deadlines(OrderTransition.AUTO_CONFIRM))
                .contains("orders_confirm_due")
                .doesNotContain("Seq Scan");
        assertThat(plans.genericDeadlines(OrderTransition.AUTO_CONFIRM))
                .contains("Index Only Scan using orders_confirm_due")
                .doesNotContain("Sort");
    }

    @Test
    void theSweepersClaimWalksThePartialIndexInDeadlineOrderAndLocksOnlyWhatItReturns() {
        assertThat(plans.claim(OrderTransition.CLOSE_FOR_TIMEOUT))
                .contains("LockRows", "orders_pay_due")
                .doesNotContain("Seq Scan");
        assertThat(plans.genericClaim(OrderTransition.CLOSE_FOR_TIMEOUT))
                .contains("LockRows", "Index Scan using orders_pay_due")
                .doesNotContain("Sort");
    }

    @Test
    void aFiringBatchLooksItsIdsUpInThePrimaryKey() {
        assertThat(plans.applyDue(OrderTransition.CLOSE_FOR_TIMEOUT))
                .contains("orders_pkey")
                .doesNotContain("Seq Scan", "orders_pay_due");
    }

    @Test
    void aShoppersPageAndItsLinesAreReadThroughIndexes() {
        assertThat(plans.listOfUser()).contains("orders_by_user").doesNotContain("Seq Scan");
        assertThat(plans.linesOfAPage()).contains("order_lines_pkey").doesNotContain("Seq Scan");
    }

    @Test
    void whatAShopperHoldsIsCountedThroughTheShoppersPendingOrdersOnly() {
        assertThat(plans.heldByShopper()).contains("orders_pending_by_user").doesNotContain("Seq Scan");
    }
}
