package dev.orderclock.jdbc;

import dev.orderclock.order.OrderEvent;
import dev.orderclock.order.OrderEventFormat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes events to {@code order_events} in the caller's transaction (the transactional outbox):
 * rendered by the {@link OrderEventFormat} there and then, so the row keeps the order as it was.
 */
final class Outbox {

    /** Set by a write, taken by {@link Transactions} when the transaction ends: did it write events? */
    private static final ThreadLocal<Boolean> WROTE = new ThreadLocal<>();

    private final OrderEventFormat format;

    Outbox(OrderEventFormat format) {
        this.format = format;
    }

    void write(Connection connection, List<OrderEvent> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(OrderSql.INSERT_EVENT)) {
            for (OrderEvent event : events) {
                insert.setObject(1, event.eventId());
                insert.setLong(2, event.orderId());
                insert.setString(3, event.type().wireName());
                Timestamps.set(insert, 4, event.occurredAt());
                insert.setString(5, format.render(event));
                insert.addBatch();
            }
            Batches.expectInserted(insert.executeBatch(), "event insert");
        }
        WROTE.set(Boolean.TRUE);
    }

    /** Whether the transaction ending on this thread wrote events; clears the mark. */
    static boolean takeWritten() {
        boolean wrote = WROTE.get() != null;
        WROTE.remove();
        return wrote;
    }
}
