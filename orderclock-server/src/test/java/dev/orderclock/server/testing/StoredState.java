package dev.orderclock.server.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What a request can change, counted: orders and their lines, the outbox, payment attempts and the
 * stock (what is available, reserved by pending orders, sold). Equal before and after a request that
 * was refused, or the refusal changed something.
 */
public record StoredState(long orders, long lines, long events, long attempts, long available, long sold) {

    private static final String COUNTS = """
            SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM order_lines),
                   (SELECT COUNT(*) FROM order_events), (SELECT COUNT(*) FROM payment_attempts),
                   (SELECT COALESCE(SUM(available), 0) FROM products), (SELECT COALESCE(SUM(sold), 0) FROM products)
            """;

    public static StoredState of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(COUNTS)) {
            row.next();
            return new StoredState(
                    row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6));
        } catch (SQLException e) {
            throw new IllegalStateException("could not count what the server holds", e);
        }
    }
}
