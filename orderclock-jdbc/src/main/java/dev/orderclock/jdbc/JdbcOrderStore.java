package dev.orderclock.jdbc;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.order.CloseReason;
import dev.orderclock.order.HoldingLimits;
import dev.orderclock.order.NewOrder;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.OrderPage;
import dev.orderclock.order.OrderQuery;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.OrderStore;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.TimeoutBatch;
import dev.orderclock.order.TransitionResult;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link OrderStore} over plain JDBC, on H2 or PostgreSQL (detected from the data source). Each call
 * is one transaction; every state change is one conditional update per batch, with its stock
 * effect and one outbox event per changed order in the same transaction.
 */
public final class JdbcOrderStore implements OrderStore {

    /** How long a shipped order waits for the shopper's confirmation before it completes by itself. */
    public static final Duration DEFAULT_CONFIRM_PERIOD = Duration.ofDays(7);

    private final JdbcStorage storage;
    private final Transactions transactions;
    private final SqlDialect dialect;
    private final OrderSql sql;
    private final OrderRows rows;
    private final OrderCreation creation;
    private final TransitionWriter transitions;
    private final OverdueClaims claims;
    private final TimeoutClaims timeouts;

    public JdbcOrderStore(DataSource dataSource, OrderEventFormat format) {
        this(new JdbcStorage(dataSource, format));
    }

    /** @param confirmPeriod from shipping to the confirm deadline, after which a shipped order completes */
    public JdbcOrderStore(DataSource dataSource, OrderEventFormat format, Duration confirmPeriod) {
        this(new JdbcStorage(dataSource, format, confirmPeriod));
    }

    /** Over {@code storage}, which a {@link JdbcPaymentStore} may share. */
    public JdbcOrderStore(JdbcStorage storage) {
        this.storage = storage;
        this.transactions = storage.transactions();
        this.dialect = storage.dialect();
        this.sql = storage.sql();
        this.rows = storage.rows();
        this.creation = new OrderCreation(dialect, storage.outbox());
        this.transitions = storage.transitions();
        this.claims = new OverdueClaims(sql, dialect);
        this.timeouts = new TimeoutClaims(transactions, transitions, dialect, claims);
    }

    /** What this store shares with a {@link JdbcPaymentStore} over the same data source. */
    public JdbcStorage storage() {
        return storage;
    }

    /**
     * Runs {@code listener} after each of this store's transactions that wrote events has committed,
     * on the committing thread: it must return at once (cluster mode wakes the event relay).
     */
    public void onEventsCommitted(Runnable listener) {
        storage.onEventsCommitted(listener);
    }

    @Override
    public Order create(NewOrder order, HoldingLimits limits) {
        return transactions.run("create order", connection -> creation.create(connection, order, limits));
    }

    @Override
    public Optional<Order> find(long id) {
        return transactions.run("find order", connection -> rows.find(connection, id));
    }

    @Override
    public OrderPage list(OrderQuery query) {
        return transactions.run("list orders", connection -> {
            List<OrderRows.Header> headers;
            try (PreparedStatement select = connection.prepareStatement(OrderSql.list(query))) {
                int index = 1;
                if (query.userId() != null) {
                    select.setString(index++, query.userId());
                }
                if (query.status() != null) {
                    select.setString(index++, query.status().name());
                }
                if (query.before() != null) {
                    select.setLong(index++, query.before());
                }
                select.setInt(index, query.limit());
                try (ResultSet result = select.executeQuery()) {
                    headers = OrderRows.headers(result);
                }
            }
            Long next = headers.size() == query.limit()
                    ? headers.get(headers.size() - 1).seq()
                    : null;
            return new OrderPage(rows.withLines(connection, headers), next);
        });
    }

    @Override
    public TransitionResult apply(OrderTransition transition, long id, Instant now) {
        return transactions.run(
                "apply " + transition, connection -> transitions.applyTo(connection, transition, id, false, now));
    }

    @Override
    public List<Order> applyDue(OrderTransition transition, long[] ids, Instant now) {
        return applyDue(transition, ids, InstantSource.fixed(now));
    }

    /** The time is read in {@link TransitionWriter#apply}, on the transaction's connection, just before the update. */
    @Override
    public List<Order> applyDue(OrderTransition transition, long[] ids, InstantSource clock) {
        OrderSql.requireDeadline(transition);
        return transactions.run(
                "apply due " + transition, connection -> transitions.apply(connection, transition, ids, true, clock));
    }

    @Override
    public List<Order> sweepDue(OrderTransition transition, Instant cutoff, int limit, Instant now) {
        return sweepDue(transition, cutoff, limit, InstantSource.fixed(now));
    }

    /**
     * The look for anything overdue runs outside a transaction: a sweep of an idle database costs one
     * statement, not a transaction with a claim and a commit.
     */
    @Override
    public List<Order> sweepDue(OrderTransition transition, Instant cutoff, int limit, InstantSource clock) {
        if (limit <= 0
                || !transactions.read(
                        "look for overdue " + transition,
                        connection -> claims.anyOverdue(connection, transition, cutoff))) {
            return List.of();
        }
        return transactions.run("sweep " + transition, connection -> {
            long[] ids = claims.claim(connection, transition, cutoff, limit);
            return transitions.apply(connection, transition, ids, true, clock);
        });
    }

    @Override
    public TimeoutBatch closeDueForTimeout(long[] ids, InstantSource clock, Duration checkClaim) {
        return timeouts.closeDue(ids, clock, checkClaim);
    }

    @Override
    public TimeoutBatch sweepDueForTimeout(Instant cutoff, int limit, InstantSource clock, Duration checkClaim) {
        return timeouts.sweep(cutoff, limit, clock, checkClaim);
    }

    @Override
    public long[] dueWithOpenAttempt(long[] ids, Instant now) {
        if (ids.length == 0) {
            return new long[0];
        }
        return transactions.run("find orders held by an open attempt", connection -> {
            try (PreparedStatement select = connection.prepareStatement(OrderSql.DUE_WITH_OPEN_ATTEMPT)) {
                select.setArray(1, dialect.bigints(connection, ids));
                Timestamps.set(select, 2, now);
                return OrderRows.ids(select);
            }
        });
    }

    @Override
    public List<Deadline> deadlines(OrderTransition transition, Deadline after, Instant until, int limit) {
        String scan = sql.deadlines(transition);
        if (limit <= 0) {
            return List.of();
        }
        return transactions.read("scan " + transition + " deadlines", connection -> {
            List<Deadline> deadlines = new ArrayList<>(Math.min(limit, 1024));
            try (PreparedStatement select = connection.prepareStatement(scan)) {
                // Deadline.BEGINNING is Long.MIN_VALUE millis: pulled in to the earliest time the column holds.
                Timestamps.setBound(select, 1, Timestamps.ofMillis(after.dueMillis()));
                select.setLong(2, after.id());
                Timestamps.setBound(select, 3, until);
                select.setInt(4, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        deadlines.add(new Deadline(
                                row.getLong("id"), Timestamps.get(row, "due").toEpochMilli()));
                    }
                }
            }
            return deadlines;
        });
    }

    @Override
    public Map<OrderStatus, Long> countByStatus() {
        return transactions.run("count orders by status", connection -> {
            Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
            for (OrderStatus status : OrderStatus.values()) {
                counts.put(status, 0L);
            }
            try (PreparedStatement select = connection.prepareStatement(OrderSql.COUNT_BY_STATUS);
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.put(OrderStatus.valueOf(row.getString("status")), row.getLong("n"));
                }
            }
            return counts;
        });
    }

    @Override
    public long countClosedFor(CloseReason reason) {
        return transactions.run("count closed orders", connection -> {
            try (PreparedStatement select = connection.prepareStatement(OrderSql.COUNT_CLOSED_FOR)) {
                select.setString(1, reason.name());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** The database this store runs on. */
    public SqlDialect dialect() {
        return dialect;
    }
}
