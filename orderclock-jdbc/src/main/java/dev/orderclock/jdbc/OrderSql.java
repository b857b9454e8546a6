package dev.orderclock.jdbc;

import dev.orderclock.order.OrderQuery;
import dev.orderclock.order.OrderTransition;

import java.util.EnumMap;
import java.util.Map;

/**
 * The SQL of {@link JdbcOrderStore}, written once for both databases; {@link SqlDialect} supplies
 * the few clauses that differ. Statuses, reasons and column names are enum constants written into
 * the text, never user input: a literal {@code status = 'PENDING_PAYMENT'} is what lets PostgreSQL
 * pick the partial deadline index, which a bound parameter would hide from the planner.
 */
final class OrderSql {

    static final String ORDER_COLUMNS = """
            id, seq, user_id, status, close_reason, amount, currency, created_at, pay_deadline, \
            paid_at, closed_at, shipped_at, confirm_deadline, completed_at""";

    static final String FIND = "SELECT " + ORDER_COLUMNS + " FROM orders WHERE id = ?";

    static final String LINES = """
            SELECT order_id, line_no, sku, quantity, unit_price FROM order_lines
             WHERE order_id = ANY(?)
             ORDER BY order_id, line_no""";

    static final String PRICES = "SELECT sku, price FROM products WHERE sku = ANY(?)";

    static final String INSERT_ORDER = """
            INSERT INTO orders (id, user_id, status, amount, currency, created_at, pay_deadline)
            VALUES (?, ?, 'PENDING_PAYMENT', ?, ?, ?, ?)""";

    static final String INSERT_LINE = """
            INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price)
            VALUES (?, ?, ?, ?, ?)""";

    /** Reserves stock only if there is enough: the conditional update is what prevents overselling. */
    static final String RESERVE = """
            UPDATE products SET available = available - ?
             WHERE sku = ? AND available >= ?""";

    static final String RELEASE = "UPDATE products SET available = available + ? WHERE sku = ?";

    static final String SELL = "UPDATE products SET sold = sold + ? WHERE sku = ?";

    static final String INSERT_EVENT = """
            INSERT INTO order_events (event_id, order_id, type, occurred_at, payload)
            VALUES (?, ?, ?, ?, ?)""";

    /** Parameters: ids as an array, now. */
    static final String DUE_WITH_OPEN_ATTEMPT = "SELECT id FROM orders\n WHERE "
            + byIds("status = 'PENDING_PAYMENT' AND pay_deadline <= ? AND open_trade_no IS NOT NULL");

    static final String COUNT_BY_STATUS = "SELECT status, COUNT(*) AS n FROM orders GROUP BY status";

    static final String COUNT_CLOSED_FOR = "SELECT COUNT(*) FROM orders WHERE status = 'CLOSED' AND close_reason = ?";

    private final Map<OrderTransition, String> apply = new EnumMap<>(OrderTransition.class);
    private final Map<OrderTransition, String> applyDue = new EnumMap<>(OrderTransition.class);
    private final Map<OrderTransition, String> deadlines = new EnumMap<>(OrderTransition.class);
    private final Map<OrderTransition, String> claim = new EnumMap<>(OrderTransition.class);
    private final Map<OrderTransition, String> anyOverdue = new EnumMap<>(OrderTransition.class);
    private final String lockClaimed;

    OrderSql(SqlDialect dialect) {
        for (OrderTransition transition : OrderTransition.values()) {
            apply.put(transition, dialect.updateReturning(update(transition, false), ORDER_COLUMNS));
            if (transition.deadline() != OrderTransition.DeadlineColumn.NONE) {
                applyDue.put(transition, dialect.updateReturning(update(transition, true), ORDER_COLUMNS));
                String status = dialect.dueStatusColumn(transition.deadline());
                deadlines.put(transition, deadlineScan(transition, status));
                claim.put(transition, dialect.claimSkippingLocked(claimCandidates(transition, status)));
                anyOverdue.put(transition, anyOverdue(transition, status));
            }
        }
        lockClaimed = dialect.lockSkippingLocked("orders");
    }

    /**
     * Parameters: the transition's timestamp, the confirm deadline (SHIP only), the ids as an array,
     * and {@code now} when only due orders may change.
     */
    String transition(OrderTransition transition, boolean onlyDue) {
        return onlyDue ? deadlineSql(applyDue, transition) : apply.get(transition);
    }

    /** Parameters: after due, after id, until, limit. */
    String deadlines(OrderTransition transition) {
        return deadlineSql(deadlines, transition);
    }

    /** Parameters: cutoff, limit. */
    String claim(OrderTransition transition) {
        return deadlineSql(claim, transition);
    }

    /** Parameter: cutoff. One row if anything is there to claim, none otherwise. */
    String anyOverdue(OrderTransition transition) {
        return deadlineSql(anyOverdue, transition);
    }

    /** Parameter: the claimed ids as an array; {@code null} where {@link #claim} locked them already. */
    String lockClaimed() {
        return lockClaimed;
    }

    /** Parameters in order: user id, status, before seq (each only when the query has it), limit. */
    static String list(OrderQuery query) {
        StringBuilder where = new StringBuilder();
        if (query.userId() != null) {
            where.append(" AND user_id = ?");
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
        }
        if (query.before() != null) {
            where.append(" AND seq < ?");
        }
        String filter = where.isEmpty() ? "" : "\n WHERE" + where.substring(" AND".length());
        return "SELECT " + ORDER_COLUMNS + " FROM orders" + filter + "\n ORDER BY seq DESC\n LIMIT ?";
    }

    /** The bare conditional update, before the dialect makes it return rows. */
    static String update(OrderTransition transition, boolean onlyDue) {
        StringBuilder sql = new StringBuilder("UPDATE orders SET status = '")
                .append(transition.to().name())
                .append("', close_reason = ")
                .append(literal(transition.closeReason()))
                .append(", ")
                .append(timestampColumn(transition))
                .append(" = ?");
        if (transition == OrderTransition.SHIP) {
            sql.append(", confirm_deadline = ?");
        }
        StringBuilder filter =
                new StringBuilder("status = '").append(transition.from().name()).append('\'');
        if (onlyDue) {
            filter.append(" AND ").append(deadlineColumn(transition)).append(" <= ?");
        }
        if (closesPending(transition)) {
            // An open payment attempt may have been paid: only the channel can say (QueryBeforeClose).
            filter.append(" AND open_trade_no IS NULL");
        }
        return sql.append("\n WHERE ").append(byIds(filter.toString())).toString();
    }

    /**
     * The condition of a statement over given order ids (first parameter, an array) that also checks
     * {@code filter} on each of their rows. The ids are its only index condition: {@code filter} is
     * wrapped in {@code IS TRUE}, which no index serves. A planner free to choose reads the
     * (status, deadline) index instead whenever it believes that range small, as H2 does with a plan
     * made on an almost empty table and kept by the session; in a burst that range holds every overdue
     * order, and each batch of 500 ids then read all of them.
     */
    static String byIds(String filter) {
        return "id = ANY(?) AND (" + filter + ") IS TRUE";
    }

    /** @param status the column of the status in the deadline's index ({@link SqlDialect#dueStatusColumn}) */
    private static String deadlineScan(OrderTransition transition, String status) {
        String due = deadlineColumn(transition);
        return """
                SELECT id, %1$s AS due FROM orders
                 WHERE %3$s = '%2$s' AND (%1$s, id) > (?, ?) AND %1$s <= ?
                 ORDER BY %1$s, id
                 LIMIT ?""".formatted(due, transition.from().name(), status);
    }

    /**
     * The sweeper's idle look. Ordered like the claim although one row is enough: without the ORDER
     * BY, PostgreSQL's generic plan (the driver prepares the statement on the server after five
     * runs) guesses that a third of the pending rows are overdue, so a sequential scan should meet
     * one at once, and reads every pending row when none is (20,000 rows a look, measured); ordered,
     * it reads the deadline index from its start and stops at the first entry past the cutoff.
     */
    private static String anyOverdue(OrderTransition transition, String status) {
        return """
                SELECT 1 FROM orders
                 WHERE %s
                 ORDER BY %s, %s
                 LIMIT 1""".formatted(overdue(transition, status), status, deadlineColumn(transition));
    }

    private static String claimCandidates(OrderTransition transition, String status) {
        String due = deadlineColumn(transition);
        // The status leads the ORDER BY although it is fixed: H2 then reads the (status, deadline, id)
        // index in order and stops at the limit instead of sorting every overdue row (a 50,000-row
        // backlog: 1,000 rows read instead of 50,001). PostgreSQL drops the constant key.
        return """
                SELECT id FROM orders
                 WHERE %s
                 ORDER BY %s, %s, id
                 LIMIT ?""".formatted(overdue(transition, status), status, due);
    }

    /** Parameter: cutoff. What the sweeper claims: pending rows due before the cutoff. */
    private static String overdue(OrderTransition transition, String status) {
        // Orders the closing update would leave alone are not claimed: they would fill every batch.
        String closable = closesPending(transition) ? " AND open_trade_no IS NULL" : "";
        return "%s = '%s' AND %s < ?%s"
                .formatted(status, transition.from().name(), deadlineColumn(transition), closable);
    }

    /** Closing an unpaid order (timeout, cancel) waits for its open payment attempt to be settled. */
    private static boolean closesPending(OrderTransition transition) {
        return transition == OrderTransition.CLOSE_FOR_TIMEOUT || transition == OrderTransition.CANCEL;
    }

    /** The column that records when the transition happened. */
    private static String timestampColumn(OrderTransition transition) {
        return switch (transition) {
            case PAY -> "paid_at";
            case CLOSE_FOR_TIMEOUT, CANCEL -> "closed_at";
            case SHIP -> "shipped_at";
            case CONFIRM, AUTO_CONFIRM -> "completed_at";
        };
    }

    private static String deadlineColumn(OrderTransition transition) {
        return switch (transition.deadline()) {
            case PAY_DEADLINE -> "pay_deadline";
            case CONFIRM_DEADLINE -> "confirm_deadline";
            case NONE -> throw new IllegalArgumentException(transition + " has no deadline");
        };
    }

    /** Refuses a transition that no deadline fires (PAY, CANCEL, SHIP, CONFIRM) where one is needed. */
    static void requireDeadline(OrderTransition transition) {
        if (transition.deadline() == OrderTransition.DeadlineColumn.NONE) {
            throw new IllegalArgumentException(transition + " has no deadline");
        }
    }

    private static String deadlineSql(Map<OrderTransition, String> sql, OrderTransition transition) {
        requireDeadline(transition);
        return sql.get(transition);
    }

    private static String literal(Enum<?> value) {
        return value == null ? "NULL" : "'" + value.name() + "'";
    }
}
