package dev.orderclock.jdbc;

/**
 * The SQL of {@link JdbcPaymentStore}, the same on both databases. Statuses are literals, as in
 * {@link OrderSql}, so that PostgreSQL can use the partial indexes of the jobs' scans.
 */
final class PaymentSql {

    static final String COLUMNS = """
            trade_no, order_id, channel, amount, status, opened_at, expires_at, pay_url, channel_trade_no, \
            paid_at, closed_at, refund_request_no, refund_status, refund_amount, refunded_at""";

    static final String FIND = "SELECT " + COLUMNS + " FROM payment_attempts WHERE trade_no = ?";

    /** The attempt row is locked first by every change, then the order row: one lock order, no deadlock. */
    static final String LOCK = FIND + " FOR UPDATE";

    static final String OPEN_OF_ORDER = "SELECT " + COLUMNS
            + " FROM payment_attempts WHERE order_id = ? AND status = 'OPEN' ORDER BY opened_at DESC, trade_no DESC";

    static final String OF_ORDER =
            "SELECT " + COLUMNS + " FROM payment_attempts WHERE order_id = ? ORDER BY opened_at, trade_no";

    static final String REFUNDED_OF_ORDERS =
            "SELECT " + COLUMNS + " FROM payment_attempts WHERE order_id = ANY(?) AND refund_status IS NOT NULL";

    static final String COUNT_OF_ORDER = "SELECT COUNT(*) FROM payment_attempts WHERE order_id = ?";

    static final String OPEN_TRADE_OF_ORDER = "SELECT open_trade_no FROM orders WHERE id = ?";

    /** At most one open attempt, only on a pending order not yet overdue: decided by the order row. */
    static final String CLAIM_ORDER = """
            UPDATE orders SET open_trade_no = ?
             WHERE id = ? AND status = 'PENDING_PAYMENT' AND open_trade_no IS NULL AND pay_deadline > ?""";

    static final String RELEASE_ORDER = "UPDATE orders SET open_trade_no = NULL WHERE id = ? AND open_trade_no = ?";

    static final String INSERT = """
            INSERT INTO payment_attempts (trade_no, order_id, channel, amount, status, opened_at, expires_at)
            VALUES (?, ?, ?, ?, 'OPEN', ?, ?)""";

    static final String OPENED_AT_CHANNEL =
            "UPDATE payment_attempts SET pay_url = ?, expires_at = LEAST(expires_at, ?) WHERE trade_no = ?";

    static final String MARK_PAID = """
            UPDATE payment_attempts SET status = 'PAID', channel_trade_no = ?, paid_at = ?
             WHERE trade_no = ? AND status <> 'PAID'""";

    static final String MARK_CLOSED = """
            UPDATE payment_attempts SET status = 'CLOSED', closed_at = ?
             WHERE trade_no = ? AND status = 'OPEN'""";

    /** Parameters: closed at, rechecked at, trade no. An attempt recorded paid keeps its payment. */
    static final String MARK_MISMATCHED = """
            UPDATE payment_attempts SET status = 'MISMATCHED', closed_at = COALESCE(closed_at, ?),
                   rechecked_at = COALESCE(rechecked_at, ?)
             WHERE trade_no = ? AND status IN ('OPEN', 'CLOSED')""";

    /** What a mismatched trade took, recorded beside its refund. */
    static final String MISMATCH_MONEY =
            "UPDATE payment_attempts SET channel_trade_no = ?, paid_at = ? WHERE trade_no = ?";

    static final String REFUND_DUE = """
            UPDATE payment_attempts SET refund_request_no = ?, refund_status = 'REFUND_PENDING', refund_amount = ?
             WHERE trade_no = ? AND refund_status IS NULL""";

    static final String MARK_REFUNDED = """
            UPDATE payment_attempts SET refund_status = 'REFUNDED', refunded_at = ?
             WHERE trade_no = ? AND refund_status = 'REFUND_PENDING'""";

    /** Parameters: opened by, after opened at, after trade no, limit. */
    static final String OPEN_SINCE = """
            SELECT %s FROM payment_attempts
             WHERE status = 'OPEN' AND opened_at <= ? AND (opened_at, trade_no) > (?, ?)
             ORDER BY opened_at, trade_no
             LIMIT ?""".formatted(COLUMNS);

    /** Parameters: closed by, after closed at, after trade no, limit. */
    static final String CLOSED_UNCHECKED = """
            SELECT %s FROM payment_attempts
             WHERE status = 'CLOSED' AND rechecked_at IS NULL AND closed_at <= ? AND (closed_at, trade_no) > (?, ?)
             ORDER BY status, rechecked_at, closed_at, trade_no
             LIMIT ?""".formatted(COLUMNS);

    static final String MARK_RECHECKED = """
            UPDATE payment_attempts SET rechecked_at = ? WHERE trade_no = ? AND rechecked_at IS NULL""";

    static final String REFUNDS_DUE = """
            SELECT %s FROM payment_attempts
             WHERE refund_status = 'REFUND_PENDING'
             ORDER BY paid_at, trade_no
             LIMIT ?""".formatted(COLUMNS);

    /** Attempts, open, paid and refunds by channel: one scan of a table that holds one row per /pay. */
    static final String TALLY_BY_CHANNEL = """
            SELECT channel, COUNT(*),
                   SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'PAID' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN refund_status = 'REFUND_PENDING' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN refund_status = 'REFUNDED' THEN 1 ELSE 0 END)
              FROM payment_attempts
             GROUP BY channel
             ORDER BY channel""";

    private PaymentSql() {}
}
