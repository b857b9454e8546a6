package dev.orderclock.jdbc;

import dev.orderclock.outbox.OutboxEvent;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * {@link dev.orderclock.outbox.Outbox} over {@code order_events}, on H2 or PostgreSQL. Every read is
 * one short range of the primary key ({@code seq}) or of the unpublished index, whatever the size of
 * the table.
 */
public final class JdbcOutbox implements dev.orderclock.outbox.Outbox {

    private static final String COLUMNS = "seq, event_id, type, payload";

    private static final String AFTER = """
            SELECT seq, event_id, type, payload FROM order_events
             WHERE seq > ?
             ORDER BY seq
             LIMIT ?""";

    private static final String LATEST = """
            SELECT seq, event_id, type, payload FROM order_events
             ORDER BY seq DESC
             LIMIT ?""";

    private static final String AMONG = "SELECT " + COLUMNS + " FROM order_events WHERE seq = ANY(?) ORDER BY seq";

    private static final String LAST_SEQ = "SELECT MAX(seq) FROM order_events";

    private static final String UNPUBLISHED = """
            SELECT seq, event_id, type, payload FROM order_events
             WHERE published_at IS NULL
             ORDER BY seq
             LIMIT ?""";

    private static final String MARK_PUBLISHED = "UPDATE order_events SET published_at = ? WHERE seq = ANY(?)";

    /** The relay locks of databases without a lock of their own (H2), by database URL and key. */
    private static final ConcurrentHashMap<String, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final DataSource dataSource;
    private final Transactions transactions;
    private final SqlDialect dialect;
    private final InstantSource clock;

    /** @param clock what stamps {@code published_at} */
    public JdbcOutbox(DataSource dataSource, InstantSource clock) {
        this.dataSource = dataSource;
        this.transactions = new Transactions(dataSource);
        this.dialect = SqlDialect.detect(dataSource);
        this.clock = clock;
    }

    @Override
    public List<OutboxEvent> after(long seq, int limit) {
        requirePositive(limit);
        return transactions.read("read the outbox", connection -> query(connection, AFTER, seq, limit));
    }

    @Override
    public List<OutboxEvent> latest(int limit) {
        requirePositive(limit);
        List<OutboxEvent> events =
                new ArrayList<>(transactions.read("read the outbox", connection -> query(connection, LATEST, limit)));
        events.sort(Comparator.comparingLong(OutboxEvent::seq));
        return events;
    }

    @Override
    public List<OutboxEvent> among(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        long[] wanted = seqs.stream().mapToLong(Long::longValue).toArray();
        return transactions.read(
                "read the outbox", connection -> query(connection, AMONG, dialect.bigints(connection, wanted)));
    }

    @Override
    public long lastSeq() {
        return transactions.read("read the outbox", connection -> {
            try (PreparedStatement max = connection.prepareStatement(LAST_SEQ);
                    ResultSet row = max.executeQuery()) {
                row.next();
                return row.getLong(1); // 0 for SQL NULL: an empty outbox
            }
        });
    }

    @Override
    public <X extends Exception> int publishNext(long lockKey, int limit, Publisher<X> publisher) throws X {
        requirePositive(limit);
        // Not Transactions.run: a deadlock victim must not be run again on its own, the batch was sent.
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            boolean committed = false;
            ReentrantLock processLock = null;
            try {
                String lockSql = dialect.tryTransactionLock();
                if (lockSql == null) {
                    processLock = PROCESS_LOCKS.computeIfAbsent(
                            db.getMetaData().getURL() + "#" + lockKey, key -> new ReentrantLock());
                    if (!processLock.tryLock()) {
                        processLock = null;
                        return LOCKED;
                    }
                } else if (!tryLock(db, lockSql, lockKey)) {
                    return LOCKED;
                }
                List<OutboxEvent> batch = query(db, UNPUBLISHED, limit);
                if (!batch.isEmpty()) {
                    publisher.publish(batch);
                    markPublished(db, batch);
                }
                db.commit();
                committed = true;
                return batch.size();
            } finally {
                if (!committed) {
                    rollbackQuietly(db);
                }
                if (processLock != null) {
                    processLock.unlock();
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("publish the outbox failed", e);
        }
    }

    private static boolean tryLock(Connection db, String sql, long key) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement(sql)) {
            lock.setLong(1, key);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void markPublished(Connection db, List<OutboxEvent> batch) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(MARK_PUBLISHED)) {
            Timestamps.set(update, 1, clock.instant());
            update.setArray(
                    2,
                    dialect.bigints(
                            db, batch.stream().mapToLong(OutboxEvent::seq).toArray()));
            update.executeUpdate();
        }
    }

    private static List<OutboxEvent> query(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Array array) {
                    select.setArray(i + 1, array);
                } else {
                    select.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rows = select.executeQuery()) {
                List<OutboxEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new OutboxEvent(
                            rows.getLong("seq"),
                            rows.getString("event_id"),
                            rows.getString("type"),
                            rows.getString("payload")));
                }
                return events;
            }
        }
    }

    private static void requirePositive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("an outbox read takes at least one event: " + limit);
        }
    }

    private static void rollbackQuietly(Connection db) {
        try {
            db.rollback();
        } catch (SQLException e) {
            // The connection is closed next; the rollback's failure does not change what happened.
        }
    }
}
