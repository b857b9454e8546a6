package dev.orderclock.jdbc;

import dev.orderclock.order.OrderEventFormat;

import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What the order and payment stores over one data source share: its transactions (and who hears that
 * they wrote events), its dialect, the order rows and the one transition path with its outbox events, so
 * that a payment, a close or a cancel through an attempt changes the order exactly as the order store
 * does. Made once; {@link JdbcOrderStore} and {@link JdbcPaymentStore} are built over it.
 */
public final class JdbcStorage {

    private final Transactions transactions;
    private final SqlDialect dialect;
    private final OrderSql sql;
    private final OrderRows rows;
    private final Outbox outbox;
    private final TransitionWriter transitions;

    public JdbcStorage(DataSource dataSource, OrderEventFormat format) {
        this(dataSource, format, JdbcOrderStore.DEFAULT_CONFIRM_PERIOD);
    }

    /** @param confirmPeriod from shipping to the confirm deadline, after which a shipped order completes */
    public JdbcStorage(DataSource dataSource, OrderEventFormat format, Duration confirmPeriod) {
        Objects.requireNonNull(format, "format");
        if (confirmPeriod.isNegative() || confirmPeriod.isZero()) {
            throw new IllegalArgumentException("the confirm period must be positive: " + confirmPeriod);
        }
        this.transactions = new Transactions(dataSource);
        this.dialect = SqlDialect.detect(dataSource);
        this.sql = new OrderSql(dialect);
        this.rows = new OrderRows(dialect);
        this.outbox = new Outbox(format);
        this.transitions = new TransitionWriter(sql, rows, outbox, dialect, confirmPeriod);
    }

    /**
     * Runs {@code listener} after each transaction of the stores over this storage that wrote events has
     * committed, on the committing thread: it must return at once (cluster mode wakes the event relay).
     */
    public void onEventsCommitted(Runnable listener) {
        transactions.onEventsCommitted(Objects.requireNonNull(listener, "listener"));
    }

    /** The database the stores run on. */
    public SqlDialect dialect() {
        return dialect;
    }

    Transactions transactions() {
        return transactions;
    }

    OrderSql sql() {
        return sql;
    }

    OrderRows rows() {
        return rows;
    }

    Outbox outbox() {
        return outbox;
    }

    /** The one path of every state change, shared by the order and payment stores so that both write alike. */
    TransitionWriter transitions() {
        return transitions;
    }
}
