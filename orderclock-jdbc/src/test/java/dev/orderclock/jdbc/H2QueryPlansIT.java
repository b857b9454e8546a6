package dev.orderclock.jdbc;

import dev.orderclock.order.OrderTransition;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot queries read indexes on H2 too, whose deadline indexes lead with the status: a scan of one
 * status by deadline is one range of the index. H2 marks a full read of a table {@code table scan}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2QueryPlansIT {

    private TestDatabase database;
    private QueryPlans plans;

    @BeforeAll
    void manyOrdersOfWhichFewWaitForADeadline() {
        database = TestDatabase.h2();
        database.execute("""
                INSERT INTO orders (id, user_id, status, close_reason, amount, currency, created_at, pay_deadline,
                                    confirm_deadline)
                SELECT X, 'u-' || MOD(X, 500),
                       CASE MOD(X, 20) WHEN 0 THEN 'PENDING_PAYMENT' WHEN 1 THEN 'SHIPPED' WHEN 2 THEN 'CLOSED'
                                       ELSE 'COMPLETED' END,
                       CASE MOD(X, 20) WHEN 2 THEN 'PAYMENT_TIMEOUT' END,
                       9.99, 'CNY', DATEADD(SECOND, X, TIMESTAMP WITH TIME ZONE '2026-11-24 00:00:00+00'),
                       DATEADD(SECOND, X, TIMESTAMP WITH TIME ZONE '2026-11-24 00:30:00+00'),
                       DATEADD(SECOND, X, TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00')
                  FROM SYSTEM_RANGE(1, %d)""".formatted(QueryPlans.ORDERS));
        database.execute(QueryPlans.PRODUCT_AND_LINES);
        plans = new QueryPlans(database);
    }

    @AfterAll
    void closeTheDatabase() {
        database.close();
    }

    @Test
    void theHorizonScanIsOneRangeOfTheStatusAndDeadlineIndex() {
        assertThat(plans.deadlines(OrderTransition.CLOSE_FOR_TIMEOUT))
                .contains("/* PUBLIC.ORDERS_PAY_DUE: ", "STATUS = 'PENDING_PAYMENT'", "PAY_DEADLINE >= ?1")
                .doesNotContain("table scan");
        assertThat(plans.deadlines(OrderTransition.AUTO_CONFIRM))
                .contains("/* PUBLIC.ORDERS_CONFIRM_DUE: ", "CONFIRM_STATUS = 'SHIPPED'")
                .doesNotContain("table scan");
    }

    @Test
    void theSweepersClaimReadsTheDeadlineIndexInOrderAndLocksThroughThePrimaryKey() {
        assertThat(plans.claim(OrderTransition.CLOSE_FOR_TIMEOUT))
                .contains("/* PUBLIC.ORDERS_PAY_DUE: ", "index sorted")
                .doesNotContain("table scan");
        assertThat(plans.claim(OrderTransition.AUTO_CONFIRM))
                .contains("/* PUBLIC.ORDERS_CONFIRM_DUE: ", "index sorted")
                .doesNotContain("table scan");
        assertThat(plans.lockClaimed())
                .contains("/* PUBLIC.PRIMARY_KEY", "FOR UPDATE SKIP LOCKED")
                .doesNotContain("table scan");
    }

    @Test
    void aFiringBatchLooksItsIdsUpInThePrimaryKey() {
        assertThat(plans.bareApplyDue(OrderTransition.CLOSE_FOR_TIMEOUT))
                .contains("/* PUBLIC.PRIMARY_KEY", "ID IN(")
                .doesNotContain("table scan", "ORDERS_PAY_DUE");
    }

    /**
     * H2 keeps a session's plan from the statement's first run. Planned on an empty table, the
     * (status, deadline) range looked cheaper than 500 id lookups, and a batch in a burst read every
     * overdue order: the ids must be the plan whatever the table held.
     */
    @Test
    void aFiringBatchPlannedOnAnEmptyTableStillLooksItsIdsUp() {
        try (TestDatabase empty = TestDatabase.h2()) {
            QueryPlans onEmpty = new QueryPlans(empty);
            assertThat(onEmpty.bareApplyDue(OrderTransition.CLOSE_FOR_TIMEOUT))
                    .contains("/* PUBLIC.PRIMARY_KEY", "ID IN(")
                    .doesNotContain("ORDERS_PAY_DUE");
            assertThat(onEmpty.bareClaimForCheck())
                    .contains("/* PUBLIC.PRIMARY_KEY", "ID IN(")
                    .doesNotContain("ORDERS_PAY_DUE");
        }
    }

    @Test
    void aShoppersPageAndItsLinesAreReadThroughIndexes() {
        assertThat(plans.listOfUser()).contains("/* PUBLIC.ORDERS_BY_USER: ").doesNotContain("table scan");
        assertThat(plans.linesOfAPage())
                .contains("/* PUBLIC.PRIMARY_KEY", "ORDER_ID IN(")
                .doesNotContain("table scan");
    }

    @Test
    void whatAShopperHoldsIsCountedThroughTheShoppersPendingOrdersOnly() {
        assertThat(plans.heldByShopper())
                .contains("/* PUBLIC.ORDERS_PENDING_BY_USER: ")
                .doesNotContain("table scan");
    }
}
