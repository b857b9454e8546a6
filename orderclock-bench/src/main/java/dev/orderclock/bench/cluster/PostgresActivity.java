package dev.orderclock.bench.cluster;

import dev.orderclock.bench.compare.TableStatistics;
import dev.orderclock.bench.measurement.PendingProbe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run database's work as PostgreSQL itself counts it: transactions from {@code pg_stat_database}
 * (read from the {@code --postgres} database), table scans and rows written from
 * {@code pg_stat_user_tables} as {@code compare} reads them for the peers, and statements from
 * {@code pg_stat_statements} when the server preloads it. The bench's own transactions in the run's
 * database are counted and left out; its pending probe (one a second while it waits) stays among the
 * index scans.
 */
public final class PostgresActivity implements PendingProbe, AutoCloseable {

    private final RunDatabase database;
    private final Connection admin;
    private final Connection run;
    private final String statementsUnavailable;
    private final AtomicLong ownTransactions = new AtomicLong();
    /** Index scans of the close observer's polls, left out of the run's table scans as its transactions are. */
    private final AtomicLong ownScans = new AtomicLong();

    private PostgresActivity(RunDatabase database, Connection admin, Connection run, String statementsUnavailable) {
        this.database = database;
        this.admin = admin;
        this.run = run;
        this.statementsUnavailable = statementsUnavailable;
    }

    public static PostgresActivity attach(RunDatabase database) throws SQLException {
        Connection admin = database.connectAdmin();
        Connection run = database.connect();
        String unavailable = statementsUnavailable(admin);
        if (unavailable == null) {
            try (Statement create = run.createStatement()) {
                create.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
        }
        return new PostgresActivity(database, admin, run, unavailable);
    }

    /** Why statements are not counted, or empty when they are. */
    public Optional<String> statementsUnavailable() {
        return Optional.ofNullable(statementsUnavailable);
    }

    /** Cumulative counts so far; PostgreSQL publishes a session's counts within about a second of its transaction. */
    public Snapshot snapshot() throws SQLException {
        ownTransactions.addAndGet(2);
        TableStatistics tables = TableStatistics.read(run, "public");
        long commits;
        long rollbacks;
        try (PreparedStatement read =
                admin.prepareStatement("SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = ?")) {
            read.setString(1, database.name());
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no pg_stat_database row for " + database.name());
                }
                commits = row.getLong(1);
                rollbacks = row.getLong(2);
            }
        }
        Long statements = null;
        if (statementsUnavailable == null) {
            ownTransactions.incrementAndGet();
            try (PreparedStatement read = run.prepareStatement("""
                    SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
                     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())""");
                    ResultSet row = read.executeQuery()) {
                row.next();
                statements = row.getLong(1) - ownTransactions.get();
            }
        }
        return new Snapshot(
                commits - ownTransactions.get(), rollbacks, statements, tables.withoutScans(ownScans.get()));
    }

    /** The close observer made a query in a session of its own: one transaction and one scan not the run's. */
    public void observerQueried() {
        ownTransactions.incrementAndGet();
        ownScans.incrementAndGet();
    }

    @Override
    public boolean anyPendingDueBy(Instant instant) throws SQLException {
        ownTransactions.incrementAndGet();
        try (PreparedStatement probe = run.prepareStatement(
                "SELECT 1 FROM orders WHERE status = 'PENDING_PAYMENT' AND pay_deadline <= ? LIMIT 1")) {
            probe.setObject(1, instant.atOffset(ZoneOffset.UTC));
            try (ResultSet row = probe.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Orders with more than one {@code order.closed} event: invariant 4 (once) read from the outbox,
     * whichever node closed them.
     */
    public long closedTwice() throws SQLException {
        ownTransactions.incrementAndGet();
        try (Statement count = run.createStatement();
                ResultSet row = count.executeQuery("""
                SELECT count(*) FROM (SELECT order_id FROM order_events WHERE type = 'order.closed'
                                       GROUP BY order_id HAVING count(*) > 1) twice""")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String statementsUnavailable(Connection admin) throws SQLException {
        try (Statement show = admin.createStatement();
                ResultSet row = show.executeQuery("SHOW shared_preload_libraries")) {
            row.next();
            String libraries = row.getString(1);
            boolean preloaded =
                    Arrays.stream(libraries.split(",")).map(String::trim).anyMatch("pg_stat_statements"::equals);
            return preloaded
                    ? null
                    : "pg_stat_statements is not in shared_preload_libraries ('" + libraries
                            + "'), so PostgreSQL counts no statements; transactions only (the bench does not reconfigure the server)";
        }
    }

    @Override
    public void close() throws SQLException {
        try (admin;
                run) {
            // both sessions end here; the database may be dropped next
        }
    }

    /**
     * Cumulative transactions (committed, the bench's own left out; rolled back) and statements
     * (null when PostgreSQL does not count them) of the run's database.
     */
    public record Snapshot(long commits, long rollbacks, Long statements, TableStatistics tables) {

        public Snapshot since(Snapshot earlier) {
            return new Snapshot(
                    commits - earlier.commits,
                    rollbacks - earlier.rollbacks,
                    statements == null || earlier.statements == null ? null : statements - earlier.statements,
                    tables.since(earlier.tables));
        }

        public long transactions() {
            return commits + rollbacks;
        }
    }
}
