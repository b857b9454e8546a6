package dev.orderclock.jdbc;

import dev.orderclock.order.OrderTransition;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Every difference between the databases the stores run on, in one place; the rest of the SQL is
 * written once. Detected from the driver's {@link DatabaseMetaData}.
 *
 * <p>What both do alike, checked on H2 2.3.232 and PostgreSQL 15: {@code col = ANY(?)} bound to
 * {@link Connection#createArrayOf} {@code BIGINT}/{@code VARCHAR} arrays (H2 turns it into an index
 * lookup, as PostgreSQL does); row-value comparisons {@code (a, b) > (?, ?)} as an index range start;
 * conditional updates that, after waiting for a row lock, re-check their condition against the
 * committed row.
 */
public enum SqlDialect {
    H2("h2") {
        @Override
        String updateReturning(String update, String columns) {
            // H2 has no RETURNING; a data change delta table gives the rows as the update left them.
            return "SELECT " + columns + " FROM FINAL TABLE (" + update + ")";
        }

        @Override
        String claimSkippingLocked(String candidates) {
            // H2 2.3 accepts FOR UPDATE SKIP LOCKED, but with a LIMIT it locks every row matching the
            // WHERE clause, not only those returned: a sweep would lock the whole backlog. Nor can the
            // LIMIT go into an IN subquery: H2 re-checks the condition of every row it locks, running
            // the subquery again each time (a 1,000-row claim ran it 1,000 times). So the candidates
            // are read first, unlocked, and then locked by id (lockSkippingLocked).
            return candidates;
        }

        @Override
        String lockSkippingLocked(String table) {
            // Rows another transaction holds are skipped rather than replaced, so a claim may come
            // back short; the conditional update after it is what makes firing happen once either way.
            return "SELECT id FROM " + table + " WHERE id = ANY(?) FOR UPDATE SKIP LOCKED";
        }

        @Override
        String dueStatusColumn(OrderTransition.DeadlineColumn deadline) {
            // H2 has no partial index: the confirm index leads with a column that holds the status
            // only once a confirm deadline is set (V4), so closing unpaid orders leaves it alone.
            return deadline == OrderTransition.DeadlineColumn.CONFIRM_DEADLINE ? "confirm_status" : "status";
        }

        @Override
        String insertIgnoringDuplicate(String table, String keyColumn) {
            // H2 has no ON CONFLICT outside its PostgreSQL mode; a duplicate fails the statement alone,
            // not the transaction, so the caller ignores it.
            return "INSERT INTO " + table + " (" + keyColumn + ") VALUES (?)";
        }

        @Override
        String tryTransactionLock() {
            // H2 has no advisory lock; its database lives in one process, so a lock in that process does.
            return null;
        }
    },

    POSTGRESQL("postgresql") {
        @Override
        String updateReturning(String update, String columns) {
            return update + "\nRETURNING " + columns;
        }

        @Override
        String claimSkippingLocked(String candidates) {
            return candidates + "\nFOR UPDATE SKIP LOCKED";
        }

        @Override
        String lockSkippingLocked(String table) {
            return null;
        }

        @Override
        String dueStatusColumn(OrderTransition.DeadlineColumn deadline) {
            return "status";
        }

        @Override
        String insertIgnoringDuplicate(String table, String keyColumn) {
            // A failed statement would abort the whole transaction here: the duplicate must not fail.
            return "INSERT INTO " + table + " (" + keyColumn + ") VALUES (?) ON CONFLICT DO NOTHING";
        }

        @Override
        String tryTransactionLock() {
            return "SELECT pg_try_advisory_xact_lock(?)";
        }
    };

    private final String vendor;

    SqlDialect(String vendor) {
        this.vendor = vendor;
    }

    /** Flyway's name for the database: the {@code {vendor}} of {@code classpath:db/migration/{vendor}}. */
    public String vendor() {
        return vendor;
    }

    /** Where this database's migrations live on the classpath, as Flyway wants the location. */
    public String migrationLocation() {
        return "classpath:db/migration/" + vendor;
    }

    /** An UPDATE statement that also answers the given columns of the rows it changed. */
    abstract String updateReturning(String update, String columns);

    /**
     * The claim of the rows whose ids {@code candidates} selects ({@code SELECT id ... ORDER BY ...
     * LIMIT ?}): locking them, skipping rows another transaction holds, where the database can do
     * that in the same statement; otherwise {@link #lockSkippingLocked} locks them next.
     */
    abstract String claimSkippingLocked(String candidates);

    /**
     * The statement that locks claimed ids ({@code = ANY(?)}), skipping rows another transaction
     * holds, and answers those it locked; {@code null} where the claim locked them already.
     */
    abstract String lockSkippingLocked(String table);

    /**
     * The column that holds an order's status in the index of {@code deadline}: what the horizon scan
     * and the sweeper's claim filter and sort on, so that they read that index in order. The
     * conditional update itself always checks {@code status}.
     */
    abstract String dueStatusColumn(OrderTransition.DeadlineColumn deadline);

    /**
     * Inserts a one-column row unless its key exists; on H2 a duplicate still fails the statement
     * (and only the statement), so callers ignore a unique violation.
     */
    abstract String insertIgnoringDuplicate(String table, String keyColumn);

    /**
     * A query that tries to take the lock of a {@code BIGINT} key until the transaction ends and
     * answers whether it did, without waiting; {@code null} where the caller locks in its own process.
     */
    abstract String tryTransactionLock();

    /** A {@code BIGINT} array parameter for {@code = ANY(?)}. */
    Array bigints(Connection connection, long[] values) throws SQLException {
        return connection.createArrayOf("BIGINT", Arrays.stream(values).boxed().toArray());
    }

    /** A {@code VARCHAR} array parameter for {@code = ANY(?)}. */
    Array varchars(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("VARCHAR", values.toArray());
    }

    public static SqlDialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "orderclock runs on H2 or PostgreSQL, not on " + metaData.getDatabaseProductName());
    }

    /** Asks the database behind {@code dataSource} what it is (opens one connection). */
    public static SqlDialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData());
        } catch (SQLException e) {
            throw new DatabaseException("could not tell which database this is", e);
        }
    }
}
