package dev.orderclock.server.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the outbox ({@code order_events}) by its sequence number, the primary key: every read is
 * one short index range, whatever the size of the table. The same on H2 and PostgreSQL, so the
 * stream works in both modes, and in cluster mode shows every node's events.
 */
class OutboxTail {

    private static final RowMapper<StoredEvent> ROW = (row, n) ->
            new StoredEvent(row.getLong("seq"), row.getString("type"), row.getString("payload"));

    private final JdbcTemplate jdbc;

    OutboxTail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events after {@code seq}, in order, at most {@code limit}. */
    List<StoredEvent> after(long seq, int limit) {
        return jdbc.query("""
                SELECT seq, type, payload FROM order_events
                 WHERE seq > ?
                 ORDER BY seq
                 LIMIT ?""", ROW, seq, limit);
    }

    /** The latest {@code limit} events, oldest first. */
    List<StoredEvent> latest(int limit) {
        List<StoredEvent> newestFirst = jdbc.query("""
                SELECT seq, type, payload FROM order_events
                 ORDER BY seq DESC
                 LIMIT ?""", ROW, limit);
        List<StoredEvent> events = new ArrayList<>(newestFirst);
        events.sort(Comparator.comparingLong(StoredEvent::seq));
        return events;
    }

    /** Those of {@code seqs} that exist now, in order: gaps that were transactions still committing. */
    List<StoredEvent> among(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", seqs.stream().map(s -> "?").toList());
        return jdbc.query("SELECT seq, type, payload FROM order_events WHERE seq IN (" + marks + ") ORDER BY seq",
                ROW, seqs.toArray());
    }

    /** The highest sequence number written so far, 0 for an empty outbox. */
    long lastSeq() {
        Long last = jdbc.queryForObject("SELECT MAX(seq) FROM order_events", Long.class);
        return last == null ? 0 : last;
    }

    /** One outbox row: its position, its type ({@code order.closed}) and the body consumers receive. */
    record StoredEvent(long seq, String type, String payload) {
    }
}
