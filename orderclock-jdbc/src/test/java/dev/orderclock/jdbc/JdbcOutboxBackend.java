package dev.orderclock.jdbc;

import dev.orderclock.outbox.Outbox;
import dev.orderclock.outbox.OutboxContract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;

/** A {@link JdbcOutbox} over a test database of its own; events committed as the stores' outbox writes them. */
final class JdbcOutboxBackend implements OutboxContract.OutboxBackend {

    private static final String INSERT = """
            INSERT INTO order_events (event_id, order_id, type, occurred_at, payload)
            VALUES (?, 1, ?, ?, ?)""";

    private final TestDatabase database;
    private final JdbcOutbox outbox;

    JdbcOutboxBackend(TestDatabase database) {
        this.database = database;
        this.outbox = new JdbcOutbox(database.dataSource(), InstantSource.system());
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public long commit(String type) {
        UUID eventId = UUID.randomUUID();
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, eventId);
                insert.setString(2, type);
                Timestamps.set(insert, 3, Instant.now());
                insert.setString(4, "{\"type\":\"" + type + "\"}");
                insert.executeUpdate();
            }
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT seq FROM order_events WHERE event_id = ?")) {
                select.setObject(1, eventId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test event insert failed", e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
