package dev.orderclock.jdbc;

import dev.orderclock.order.CloseReason;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderLine;
import dev.orderclock.order.OrderStatus;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of {@code orders} and {@code order_lines} back into {@link Order}s: the order rows first
 * (as {@link Header}s), then the lines of all of them in one query.
 */
final class OrderRows {

    /** An order row without its lines, and its listing position. */
    record Header(
            long id,
            long seq,
            String userId,
            OrderStatus status,
            CloseReason closeReason,
            BigDecimal amount,
            String currency,
            Instant createdAt,
            Instant payDeadline,
            Instant paidAt,
            Instant closedAt,
            Instant shippedAt,
            Instant confirmDeadline,
            Instant completedAt) {

        Order withLines(List<OrderLine> lines) {
            return new Order(
                    id,
                    userId,
                    status,
                    closeReason,
                    amount,
                    currency,
                    lines,
                    createdAt,
                    payDeadline,
                    paidAt,
                    closedAt,
                    shippedAt,
                    confirmDeadline,
                    completedAt);
        }
    }

    private final SqlDialect dialect;

    OrderRows(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** Reads every row of a result of {@link OrderSql#ORDER_COLUMNS}. */
    static List<Header> headers(ResultSet rows) throws SQLException {
        List<Header> headers = new ArrayList<>();
        while (rows.next()) {
            headers.add(header(rows));
        }
        return headers;
    }

    private static Header header(ResultSet row) throws SQLException {
        String reason = row.getString("close_reason");
        return new Header(
                row.getLong("id"),
                row.getLong("seq"),
                row.getString("user_id"),
                OrderStatus.valueOf(row.getString("status")),
                reason == null ? null : CloseReason.valueOf(reason),
                row.getBigDecimal("amount"),
                row.getString("currency"),
                Timestamps.get(row, "created_at"),
                Timestamps.get(row, "pay_deadline"),
                Timestamps.get(row, "paid_at"),
                Timestamps.get(row, "closed_at"),
                Timestamps.get(row, "shipped_at"),
                Timestamps.get(row, "confirm_deadline"),
                Timestamps.get(row, "completed_at"));
    }

    /** The headers as orders, in the same order, with their lines fetched in one query. */
    List<Order> withLines(Connection connection, List<Header> headers) throws SQLException {
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<Long, List<OrderLine>> lines =
                lines(connection, headers.stream().mapToLong(Header::id).toArray());
        List<Order> orders = new ArrayList<>(headers.size());
        for (Header header : headers) {
            orders.add(header.withLines(lines.getOrDefault(header.id(), List.of())));
        }
        return orders;
    }

    /** The lines of the given orders, by order id, in line order. */
    Map<Long, List<OrderLine>> lines(Connection connection, long[] orderIds) throws SQLException {
        Map<Long, List<OrderLine>> lines = new HashMap<>(orderIds.length * 2);
        try (PreparedStatement select = connection.prepareStatement(OrderSql.LINES)) {
            select.setArray(1, dialect.bigints(connection, orderIds));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.computeIfAbsent(row.getLong("order_id"), id -> new ArrayList<>(4))
                            .add(new OrderLine(
                                    row.getString("sku"), row.getInt("quantity"), row.getBigDecimal("unit_price")));
                }
            }
        }
        return lines;
    }

    /** The order {@code id} with its lines, if there is one. */
    Optional<Order> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OrderSql.FIND)) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                return withLines(connection, headers(result)).stream().findFirst();
            }
        }
    }

    /** The first column of every row {@code select} answers, as ids: of claims and of lookups by id. */
    static long[] ids(PreparedStatement select) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(row.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
