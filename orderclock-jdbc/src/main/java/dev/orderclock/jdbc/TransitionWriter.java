package dev.orderclock.jdbc;

import dev.orderclock.order.EventIds;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderEvent;
import dev.orderclock.order.OrderLine;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.TransitionResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one code path of every state change, for one order or five hundred: a conditional update of
 * all of them that returns the rows it changed, then, for exactly those rows and in the same
 * transaction, one event each and their stock effect. Four statements whatever the batch size:
 * update, lines, events (a batch), stock (a batch, one row per SKU).
 */
final class TransitionWriter {

    private final OrderSql sql;
    private final OrderRows rows;
    private final Outbox outbox;
    private final SqlDialect dialect;
    private final Duration confirmPeriod;

    TransitionWriter(OrderSql sql, OrderRows rows, Outbox outbox, SqlDialect dialect, Duration confirmPeriod) {
        this.sql = sql;
        this.rows = rows;
        this.outbox = outbox;
        this.dialect = dialect;
        this.confirmPeriod = confirmPeriod;
    }

    /**
     * Applies {@code transition} to those of {@code ids} in its source status (and, when
     * {@code onlyDue}, whose deadline is at or before {@code now}); returns the orders it changed.
     */
    List<Order> apply(Connection connection, OrderTransition transition, long[] ids, boolean onlyDue, Instant now)
            throws SQLException {
        return apply(connection, transition, ids, onlyDue, InstantSource.fixed(now));
    }

    /**
     * As above, with the time read from {@code clock} as late as it can be: on the transaction's
     * connection, right before the conditional update that records it. A deadline close then records
     * (and lag is measured to) the moment its rows change, not when its batch was handed over: the
     * wait for a connection and a claim are behind it, only row locks and the commit ahead.
     */
    List<Order> apply(
            Connection connection, OrderTransition transition, long[] ids, boolean onlyDue, InstantSource clock)
            throws SQLException {
        // Distinct and sorted, so that concurrent batches tend to lock the rows they share in one
        // order; a deadlock that still happens is retried by Transactions.
        long[] sorted = Arrays.stream(ids).distinct().sorted().toArray();
        if (sorted.length == 0) {
            return List.of();
        }
        Instant at = Timestamps.millis(clock.instant());
        List<OrderRows.Header> changed = update(connection, transition, sorted, onlyDue, at);
        if (changed.size() > sorted.length) {
            throw new IllegalStateException(
                    transition + " of " + sorted.length + " ids changed " + changed.size() + " rows");
        }
        List<Order> orders = rows.withLines(connection, changed);
        List<OrderEvent> events = new ArrayList<>(orders.size());
        for (Order order : orders) {
            events.add(new OrderEvent(EventIds.next(at), transition.event(), order.id(), at, order));
        }
        if (!events.isEmpty()) {
            outbox.write(connection, events);
        }
        // Last, as in OrderCreation: the product rows every order and batch shares stay locked only
        // for the stock update and the commit.
        applyStockEffect(connection, transition.stockEffect(), orders);
        return orders;
    }

    /**
     * Applies {@code transition} to order {@code id} alone and answers how it went: applied, or the
     * order as it is when its status (or its open attempt) made the update leave it alone, or not found.
     */
    TransitionResult applyTo(Connection connection, OrderTransition transition, long id, boolean onlyDue, Instant now)
            throws SQLException {
        List<Order> changed = apply(connection, transition, new long[] {id}, onlyDue, now);
        if (!changed.isEmpty()) {
            return new TransitionResult.Applied(changed.get(0));
        }
        return rows.find(connection, id)
                .<TransitionResult>map(TransitionResult.WrongStatus::new)
                .orElseGet(() -> new TransitionResult.NotFound(id));
    }

    private List<OrderRows.Header> update(
            Connection connection, OrderTransition transition, long[] ids, boolean onlyDue, Instant at)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql.transition(transition, onlyDue))) {
            int index = 1;
            Timestamps.set(update, index++, at);
            if (transition == OrderTransition.SHIP) {
                Timestamps.set(update, index++, at.plus(confirmPeriod));
            }
            update.setArray(index++, dialect.bigints(connection, ids));
            if (onlyDue) {
                Timestamps.set(update, index, at);
            }
            try (ResultSet changed = update.executeQuery()) {
                List<OrderRows.Header> headers = OrderRows.headers(changed);
                headers.sort((a, b) -> Long.compare(a.id(), b.id()));
                return headers;
            }
        }
    }

    /** One update per SKU for the whole batch, in SKU order, as reservations lock them: no deadlock. */
    private static void applyStockEffect(Connection connection, OrderTransition.StockEffect effect, List<Order> orders)
            throws SQLException {
        if (effect == OrderTransition.StockEffect.NONE || orders.isEmpty()) {
            return;
        }
        Map<String, Long> quantities = new TreeMap<>();
        for (Order order : orders) {
            for (OrderLine line : order.lines()) {
                quantities.merge(line.sku(), (long) line.quantity(), Long::sum);
            }
        }
        String statement = effect == OrderTransition.StockEffect.RELEASE ? OrderSql.RELEASE : OrderSql.SELL;
        try (PreparedStatement update = connection.prepareStatement(statement)) {
            for (Map.Entry<String, Long> sku : quantities.entrySet()) {
                update.setLong(1, sku.getValue());
                update.setString(2, sku.getKey());
                update.addBatch();
            }
            Batches.expectOneRowEach(update.executeBatch(), effect + " of stock");
        }
    }
}
