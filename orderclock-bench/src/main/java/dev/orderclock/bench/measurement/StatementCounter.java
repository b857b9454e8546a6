package dev.orderclock.bench.measurement;

import dev.orderclock.bench.server.ServerDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts the statements the server issued, from H2's own {@code INFORMATION_SCHEMA.QUERY_STATISTICS}
 * (cumulative per SQL text since the database opened): two snapshots and their difference. The
 * bench's own statements carry a marker alias and are left out.
 */
public final class StatementCounter implements AutoCloseable, PendingProbe {

    /** In the text of the bench's own queries; H2 drops comments from the text it records, so an alias. */
    static final String MARKER = "ORDERCLOCK_BENCH";
    // RAND() makes the query non-deterministic: otherwise H2 hands back its cached result as long as
    // no table changed, and a quiet server would seem to issue no statement at all.
    private static final String READ = """
            SELECT SQL_STATEMENT, EXECUTION_COUNT AS %s FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE RAND() < 2""".formatted(MARKER);

    private final Connection connection;

    private StatementCounter(Connection connection) {
        this.connection = connection;
    }

    public static StatementCounter attach(ServerDatabase database) throws SQLException {
        return new StatementCounter(database.connectToRunningServer());
    }

    /** Executions per SQL text so far, the bench's own excluded. */
    public Snapshot snapshot() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Statement select = connection.createStatement();
                ResultSet row = select.executeQuery(READ)) {
            while (row.next()) {
                String sql = row.getString(1);
                if (!isOwn(sql)) {
                    counts.merge(oneLine(sql), row.getLong(2), Long::sum);
                }
            }
        }
        return new Snapshot(counts, System.nanoTime());
    }

    /**
     * Whether an order due by {@code instant} is still pending: one index probe (LIMIT 1), because a
     * count over a large backlog, asked every second, would take CPU from the server it measures.
     */
    @Override
    public boolean anyPendingDueBy(Instant instant) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement("""
                SELECT id AS %s FROM orders
                 WHERE status = 'PENDING_PAYMENT' AND pay_deadline <= ? AND RAND() < 2
                 LIMIT 1""".formatted(MARKER))) {
            probe.setObject(1, instant.atOffset(ZoneOffset.UTC));
            try (ResultSet row = probe.executeQuery()) {
                return row.next();
            }
        }
    }

    static boolean isOwn(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        return upper.contains(MARKER) || upper.contains("INFORMATION_SCHEMA.QUERY_STATISTICS");
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** Cumulative counts at one moment. */
    public record Snapshot(Map<String, Long> counts, long nanoTime) {

        /** What ran between {@code earlier} and this snapshot. */
        public Issued since(Snapshot earlier) {
            Map<String, Long> delta = new HashMap<>();
            counts.forEach((sql, n) -> {
                long d = n - earlier.counts.getOrDefault(sql, 0L);
                if (d > 0) {
                    delta.put(sql, d);
                }
            });
            return new Issued(delta, (nanoTime - earlier.nanoTime) / 1e9);
        }
    }

    /** Statements issued over a window of {@code seconds}. */
    public record Issued(Map<String, Long> bySql, double seconds) {

        public long total() {
            return bySql.values().stream().mapToLong(Long::longValue).sum();
        }

        public double perMinute() {
            return seconds > 0 ? total() * 60 / seconds : 0;
        }

        /**
         * COMMIT statements as H2 counts them: not transactions (leaving a transaction through
         * {@code setAutoCommit(true)} counts one more), and rows of a JDBC batch count one each.
         */
        public long commits() {
            return bySql.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("COMMIT"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        public double commitsPerMinute() {
            return seconds > 0 ? commits() * 60 / seconds : 0;
        }

        /** The most frequent statements with their counts, SQL shortened for a report. */
        public Map<String, Long> top(int n) {
            List<Map.Entry<String, Long>> sorted = new ArrayList<>(bySql.entrySet());
            sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
            Map<String, Long> top = new LinkedHashMap<>();
            for (Map.Entry<String, Long> entry : sorted.subList(0, Math.min(n, sorted.size()))) {
                String sql = entry.getKey();
                // Statements alike in their first 107 characters share a line rather than hide each other.
                top.merge(sql.length() > 110 ? sql.substring(0, 107) + "..." : sql, entry.getValue(), Long::sum);
            }
            return top;
        }
    }
}
