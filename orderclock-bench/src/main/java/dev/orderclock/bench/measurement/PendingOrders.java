package dev.orderclock.bench.measurement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link CloseObserver}'s question put to an {@code orders} table (orderclock's on H2 or PostgreSQL,
 * a peer's on PostgreSQL: the same columns), in a session of its own. The alias carries the
 * statement counter's marker, so H2's statement count leaves these queries out; on PostgreSQL the
 * caller is told of every query ({@code onQuery}) to leave its transaction and index scan out.
 */
public final class PendingOrders implements CloseObserver.PendingSource, AutoCloseable {

    private static final String DUE = """
            SELECT id, pay_deadline AS %s FROM orders
             WHERE status = 'PENDING_PAYMENT' AND pay_deadline <= ?
             ORDER BY pay_deadline, id LIMIT ?""".formatted(StatementCounter.MARKER);

    private final Connection connection;
    private final Runnable onQuery;

    public PendingOrders(Connection connection, Runnable onQuery) {
        this.connection = connection;
        this.onQuery = onQuery;
    }

    @Override
    public List<CloseObserver.Due> pendingDueBy(Instant instant, int limit) throws SQLException {
        onQuery.run();
        try (PreparedStatement due = connection.prepareStatement(DUE)) {
            due.setObject(1, instant.atOffset(ZoneOffset.UTC));
            due.setInt(2, limit);
            List<CloseObserver.Due> pending = new ArrayList<>();
            try (ResultSet row = due.executeQuery()) {
                while (row.next()) {
                    pending.add(new CloseObserver.Due(
                            row.getLong(1),
                            row.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
            return pending;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
