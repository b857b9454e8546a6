package dev.orderclock.jdbc;

import dev.orderclock.order.OrderQuery;
import dev.orderclock.order.OrderTransition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.LongStream;

/**
 * The plans a database chooses for the stores' hot queries, over a table of many orders of which few
 * wait for a deadline: the shape the deadline indexes are made for.
 */
final class QueryPlans {

    static final int ORDERS = 20_000;
    /** One line per order, of one product, so that the lines query has rows to choose a plan for. */
    static final String[] PRODUCT_AND_LINES = {
        "INSERT INTO products (sku, name, price, stock, available) VALUES ('TEA-1', 'Green tea', 9.99, 1000000, 1000000)",
        "INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price) SELECT id, 1, 'TEA-1', 1, 9.99 FROM orders",
        "ANALYZE"
    };
    /** Every twentieth order is pending, the next one shipped; their deadlines follow their ids, a second apart. */
    static final Instant FIRST_PAY_DEADLINE = Instant.parse("2026-11-24T00:30:00Z");

    static final Instant FIRST_CONFIRM_DEADLINE = Instant.parse("2026-12-01T00:00:00Z");

    private final TestDatabase database;
    private final SqlDialect dialect;
    private final OrderSql sql;

    QueryPlans(TestDatabase database) {
        this.database = database;
        this.dialect = SqlDialect.detect(database.dataSource());
        this.sql = new OrderSql(dialect);
    }

    /** The horizon loader's scan: the next ten minutes of deadlines, from the middle of the table. */
    String deadlines(OrderTransition transition) {
        Instant first = transition == OrderTransition.AUTO_CONFIRM ? FIRST_CONFIRM_DEADLINE : FIRST_PAY_DEADLINE;
        Instant after = first.plusSeconds(ORDERS / 2);
        return explain(sql.deadlines(transition), (select, c) -> {
            Timestamps.set(select, 1, after);
            select.setLong(2, 0);
            Timestamps.set(select, 3, after.plusSeconds(600));
            select.setInt(4, 5000);
        });
    }

    /** The sweeper's claim of a backlog: everything overdue by an hour. */
    String claim(OrderTransition transition) {
        return explain(sql.claim(transition), (select, c) -> {
            Timestamps.set(select, 1, FIRST_PAY_DEADLINE.plusSeconds(3600));
            select.setInt(2, 1000);
        });
    }

    /** Locking the 1,000 ids a claim read, where the claim could not lock them itself. */
    String lockClaimed() {
        return explain(
                sql.lockClaimed(),
                (select, c) -> select.setArray(
                        1, dialect.bigints(c, LongStream.rangeClosed(1, 1000).toArray())));
    }

    /** A firing batch of 500 due orders. */
    String applyDue(OrderTransition transition) {
        return explain(sql.transition(transition, true), (update, c) -> {
            Instant now = FIRST_PAY_DEADLINE.plusSeconds(ORDERS);
            Timestamps.set(update, 1, now);
            update.setArray(
                    2,
                    dialect.bigints(
                            c, LongStream.rangeClosed(1, 500).map(i -> i * 20).toArray()));
            Timestamps.set(update, 3, now);
        });
    }

    /** The bare update of a firing batch, as H2 runs it inside its FINAL TABLE (whose own plan hides it). */
    String bareApplyDue(OrderTransition transition) {
        return explain(OrderSql.update(transition, true), (update, c) -> {
            Instant now = FIRST_PAY_DEADLINE.plusSeconds(ORDERS);
            Timestamps.set(update, 1, now);
            update.setArray(
                    2,
                    dialect.bigints(
                            c, LongStream.rangeClosed(1, 500).map(i -> i * 20).toArray()));
            Timestamps.set(update, 3, now);
        });
    }

    /** The bare claim of a firing batch's orders that hold an open attempt, for the channel check. */
    String bareClaimForCheck() {
        return explain(TimeoutClaims.CLAIM_FOR_CHECK, (update, c) -> {
            Instant now = FIRST_PAY_DEADLINE.plusSeconds(ORDERS);
            Timestamps.set(update, 1, now.plusSeconds(10));
            update.setArray(
                    2,
                    dialect.bigints(
                            c, LongStream.rangeClosed(1, 500).map(i -> i * 20).toArray()));
            Timestamps.set(update, 3, now);
        });
    }

    /** The first page of one shopper's orders. */
    String listOfUser() {
        return explain(OrderSql.list(new OrderQuery("u-7", null, 50, null)), (select, c) -> {
            select.setString(1, "u-7");
            select.setInt(2, 50);
        });
    }

    /** What a shopper holds, counted under the shopper's lock before each order (u-20 has two pending). */
    String heldByShopper() {
        return explain(ShopperHolds.HELD, (select, c) -> select.setString(1, "u-20"));
    }

    /** The lines of a page of 50 orders. */
    String linesOfAPage() {
        return explain(
                OrderSql.LINES,
                (select, c) -> select.setArray(
                        1, dialect.bigints(c, LongStream.rangeClosed(1, 50).toArray())));
    }

    /**
     * PostgreSQL's generic plan of the horizon scan: the one a server-prepared statement may settle on
     * after a few executions, planned without the values. EXPLAIN of a bound statement always shows
     * the plan for the values, so this goes through SQL-level PREPARE and EXPLAIN EXECUTE.
     */
    String genericDeadlines(OrderTransition transition) {
        return genericPlan(
                sql.deadlines(transition),
                "timestamptz, bigint, timestamptz, int",
                "'2026-11-24T03:16:40Z', 0, '2026-11-24T03:26:40Z', 5000");
    }

    /** The sweeper's idle look as a cached statement, at a cutoff before every deadline: nothing overdue. */
    String genericAnyOverdue(OrderTransition transition) {
        return genericPlan(sql.anyOverdue(transition), "timestamptz", "'2026-11-24T00:00:00Z'");
    }

    /**
     * The payment timeout sweeper's idle look ({@link TimeoutClaims}) as a cached statement, nothing
     * overdue, run: EXPLAIN ANALYZE shows the rows each node read and those its filter dropped.
     */
    String genericAnySweepableForTimeoutRun() {
        return genericPlan(
                "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)",
                TimeoutClaims.ANY_SWEEPABLE,
                "timestamptz, timestamptz",
                "'2026-11-24T00:00:00Z', '2026-11-24T00:00:05Z'");
    }

    /** PostgreSQL's generic plan of the sweeper's claim. */
    String genericClaim(OrderTransition transition) {
        return genericPlan(sql.claim(transition), "timestamptz, int", "'2026-11-24T01:30:00Z', 1000");
    }

    private String genericPlan(String statement, String types, String arguments) {
        return genericPlan("EXPLAIN", statement, types, arguments);
    }

    private String genericPlan(String explainCommand, String statement, String types, String arguments) {
        int parameter = 0;
        StringBuilder numbered = new StringBuilder();
        for (char c : statement.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        try (Connection connection = database.dataSource().getConnection();
                Statement explain = connection.createStatement()) {
            explain.execute("PREPARE planned(" + types + ") AS " + numbered);
            explain.execute("SET plan_cache_mode = force_generic_plan");
            StringBuilder plan = new StringBuilder();
            try (ResultSet row = explain.executeQuery(explainCommand + " EXECUTE planned(" + arguments + ")")) {
                while (row.next()) {
                    plan.append(row.getString(1)).append('\n');
                }
            }
            explain.execute("RESET plan_cache_mode");
            explain.execute("DEALLOCATE planned");
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("generic EXPLAIN failed for " + statement, e);
        }
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement, Connection connection) throws SQLException;
    }

    /** The plan of {@code statement} with its parameters bound; an EXPLAIN of an UPDATE does not run it. */
    String explain(String statement, Binder binder) {
        try (Connection connection = database.dataSource().getConnection()) {
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement)) {
                binder.bind(explain, connection);
                try (ResultSet row = explain.executeQuery()) {
                    while (row.next()) {
                        plan.append(row.getString(1)).append('\n');
                    }
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("EXPLAIN failed for " + statement, e);
        }
    }
}
