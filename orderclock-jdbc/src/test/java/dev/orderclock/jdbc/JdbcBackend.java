package dev.orderclock.jdbc;

import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.OrderStore;
import dev.orderclock.order.StoreBackend;
import dev.orderclock.order.StoredEvent;
import dev.orderclock.stock.ProductStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The JDBC stores over a {@link TestDatabase}, for the contract suites of core. */
final class JdbcBackend implements StoreBackend {

    private final TestDatabase database;
    private final JdbcOrderStore orders;
    private final JdbcProductStore products;

    JdbcBackend(TestDatabase database, OrderEventFormat format, Duration confirmPeriod) {
        this.database = database;
        this.orders = new JdbcOrderStore(database.dataSource(), format, confirmPeriod);
        this.products = new JdbcProductStore(database.dataSource());
    }

    static JdbcBackend h2(OrderEventFormat format, Duration confirmPeriod) {
        return new JdbcBackend(TestDatabase.h2(), format, confirmPeriod);
    }

    static JdbcBackend postgres(OrderEventFormat format, Duration confirmPeriod) {
        return new JdbcBackend(TestDatabase.postgres(), format, confirmPeriod);
    }

    @Override
    public OrderStore orders() {
        return orders;
    }

    @Override
    public ProductStore products() {
        return products;
    }

    @Override
    public List<StoredEvent> events() {
        String sql = "SELECT event_id, order_id, type, occurred_at, payload FROM order_events ORDER BY seq";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            List<StoredEvent> events = new ArrayList<>();
            while (row.next()) {
                events.add(new StoredEvent(
                        row.getObject("event_id", UUID.class),
                        row.getLong("order_id"),
                        row.getString("type"),
                        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        row.getString("payload")));
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox", e);
        }
    }

    @Override
    public void clear() {
        database.execute(
                "DELETE FROM payment_attempts",
                "DELETE FROM order_events",
                "DELETE FROM order_lines",
                "DELETE FROM orders",
                "DELETE FROM products",
                "DELETE FROM shopper_locks");
    }

    @Override
    public void analyze() {
        database.execute("ANALYZE");
    }

    @Override
    public void close() {
        database.close();
    }
}
