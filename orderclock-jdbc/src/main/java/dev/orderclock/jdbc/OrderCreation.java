package dev.orderclock.jdbc;

import dev.orderclock.order.DuplicateOrderIdException;
import dev.orderclock.order.EventIds;
import dev.orderclock.order.EventType;
import dev.orderclock.order.HoldingLimits;
import dev.orderclock.order.NewOrder;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderEvent;
import dev.orderclock.order.OrderLine;
import dev.orderclock.stock.InsufficientStockException;
import dev.orderclock.stock.UnknownSkuException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a new order in the caller's transaction: prices its lines, inserts it, reserves its stock
 * and writes {@code order.created}. Any refusal throws, and the caller's rollback undoes the rest.
 */
final class OrderCreation {

    private final SqlDialect dialect;
    private final Outbox outbox;
    private final ShopperHolds holds;

    OrderCreation(SqlDialect dialect, Outbox outbox) {
        this.dialect = dialect;
        this.outbox = outbox;
        this.holds = new ShopperHolds(dialect);
    }

    Order create(Connection connection, NewOrder request, HoldingLimits limits) throws SQLException {
        // First: a refused order has written nothing, and the shopper's lock is held to the commit.
        holds.admit(connection, request, limits);
        Map<String, BigDecimal> prices = prices(connection, request);
        List<OrderLine> lines = new ArrayList<>(request.items().size());
        BigDecimal amount = BigDecimal.ZERO;
        for (NewOrder.Item item : request.items()) {
            BigDecimal price = prices.get(item.sku());
            if (price == null) {
                throw new UnknownSkuException(item.sku());
            }
            OrderLine line = new OrderLine(item.sku(), item.quantity(), price);
            lines.add(line);
            amount = amount.add(line.total());
        }
        Instant createdAt = Timestamps.millis(request.createdAt());
        Order order = Order.pending(
                request.id(),
                request.userId(),
                amount.setScale(2, RoundingMode.UNNECESSARY),
                request.currency(),
                lines,
                createdAt,
                Timestamps.millis(request.payDeadline()));
        insert(connection, order);
        outbox.write(
                connection,
                List.of(new OrderEvent(
                        EventIds.next(createdAt), EventType.ORDER_CREATED, order.id(), createdAt, order)));
        // Last, so the hot product rows stay locked only for the reservation and the commit: every
        // order and every firing batch queues for them.
        reserve(connection, request.items());
        return order;
    }

    private Map<String, BigDecimal> prices(Connection connection, NewOrder request) throws SQLException {
        Map<String, BigDecimal> prices = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(OrderSql.PRICES)) {
            select.setArray(
                    1,
                    dialect.varchars(
                            connection,
                            request.items().stream().map(NewOrder.Item::sku).toList()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    prices.put(row.getString("sku"), row.getBigDecimal("price"));
                }
            }
        }
        return prices;
    }

    private static void insert(Connection connection, Order order) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(OrderSql.INSERT_ORDER)) {
            insert.setLong(1, order.id());
            insert.setString(2, order.userId());
            insert.setBigDecimal(3, order.amount());
            insert.setString(4, order.currency());
            Timestamps.set(insert, 5, order.createdAt());
            Timestamps.set(insert, 6, order.payDeadline());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new DuplicateOrderIdException(order.id());
            }
            throw e;
        }
        try (PreparedStatement insert = connection.prepareStatement(OrderSql.INSERT_LINE)) {
            int lineNo = 1;
            for (OrderLine line : order.lines()) {
                insert.setLong(1, order.id());
                insert.setInt(2, lineNo++);
                insert.setString(3, line.sku());
                insert.setInt(4, line.quantity());
                insert.setBigDecimal(5, line.unitPrice());
                insert.addBatch();
            }
            Batches.expectInserted(insert.executeBatch(), "order line insert");
        }
    }

    /** In SKU order, as every stock update takes its locks: two orders never wait on each other in a cycle. */
    private static void reserve(Connection connection, List<NewOrder.Item> items) throws SQLException {
        List<NewOrder.Item> bySku = new ArrayList<>(items);
        bySku.sort(Comparator.comparing(NewOrder.Item::sku));
        try (PreparedStatement update = connection.prepareStatement(OrderSql.RESERVE)) {
            for (NewOrder.Item item : bySku) {
                update.setLong(1, item.quantity());
                update.setString(2, item.sku());
                update.setLong(3, item.quantity());
                update.addBatch();
            }
            int[] reserved = update.executeBatch();
            for (int i = 0; i < reserved.length; i++) {
                if (reserved[i] == 0) {
                    throw new InsufficientStockException(
                            bySku.get(i).sku(), bySku.get(i).quantity());
                }
            }
            Batches.expectOneRowEach(reserved, "stock reservation");
        }
    }
}
