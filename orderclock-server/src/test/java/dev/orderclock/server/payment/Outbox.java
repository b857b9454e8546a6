package dev.orderclock.server.payment;

import dev.orderclock.order.OrderId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The server's outbox, read straight from its database: the events each order got, in order. */
final class Outbox {

    private final DataSource dataSource;

    Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<String> types(String orderId) {
        return query("SELECT order_id, type FROM order_events WHERE order_id = "
                        + OrderId.parse(orderId).getAsLong() + " ORDER BY seq")
                .getOrDefault(orderId, List.of());
    }

    /** The body of an order's last event of {@code type}, as it was written to the outbox. */
    String payload(String orderId, String type) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT payload FROM order_events WHERE order_id = ? AND type = ? ORDER BY seq DESC")) {
            select.setLong(1, OrderId.parse(orderId).getAsLong());
            select.setString(2, type);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox", e);
        }
    }

    /** Every order's event types, by order id as the API shows it. */
    Map<String, List<String>> all() {
        return query("SELECT order_id, type FROM order_events ORDER BY seq");
    }

    private Map<String, List<String>> query(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            Map<String, List<String>> types = new HashMap<>();
            while (row.next()) {
                types.computeIfAbsent(OrderId.format(row.getLong(1)), k -> new ArrayList<>())
                        .add(row.getString(2));
            }
            return types;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox", e);
        }
    }
}
