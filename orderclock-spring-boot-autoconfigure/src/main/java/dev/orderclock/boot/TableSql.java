package dev.orderclock.boot;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Every statement the starter runs on a shop's table, per database, in one place. Named parameters:
 * {@code :ids} (expanded to a list of bound ids), {@code :due} (the latest due time a statement may
 * touch), {@code :now} (the close time, also usable in the operator's {@code close} fragment),
 * {@code :limit}, and {@code :afterDue}/{@code :afterId} for paging by (due, id). The fragments
 * ({@code pending}, {@code close}) and the names are the operator's trusted text; values never are.
 */
public enum TableSql {
    H2 {
        @Override
        String closeReturning(DeadlineTable t, String idCondition) {
            // H2 has no RETURNING; a data change delta table gives the rows the update changed.
            return "SELECT " + t.idColumn() + ", " + t.dueColumn() + " FROM FINAL TABLE (" + update(t, idCondition)
                    + ")";
        }

        @Override
        String claim(DeadlineTable t) {
            // H2 2.3 with FOR UPDATE SKIP LOCKED and a LIMIT locks every row the WHERE matches, not
            // only those returned (see orderclock-jdbc's SqlDialect): so candidates are read unlocked
            // and then locked by id, skipping those another transaction holds.
            return "SELECT " + t.idColumn() + " FROM " + t.table() + " WHERE " + dueAndPending(t) + " ORDER BY "
                    + t.dueColumn() + ", " + t.idColumn() + " LIMIT :limit";
        }

        @Override
        String lockClaimed(DeadlineTable t) {
            return "SELECT " + t.idColumn() + " FROM " + t.table() + " WHERE " + t.idColumn() + " IN (:ids)"
                    + " FOR UPDATE SKIP LOCKED";
        }
    },

    POSTGRESQL {
        @Override
        String closeReturning(DeadlineTable t, String idCondition) {
            return update(t, idCondition) + " RETURNING " + t.idColumn() + ", " + t.dueColumn();
        }

        @Override
        String claim(DeadlineTable t) {
            // One statement: the subquery locks what no other node holds; the update closes exactly those.
            String claimed = "SELECT " + t.idColumn() + " FROM " + t.table() + " WHERE " + dueAndPending(t)
                    + " ORDER BY " + t.dueColumn() + ", " + t.idColumn() + " LIMIT :limit FOR UPDATE SKIP LOCKED";
            return closeReturning(t, t.idColumn() + " IN (" + claimed + ")");
        }

        @Override
        boolean claimCloses() {
            return true;
        }
    },

    /**
     * MariaDB 10.6+ and MySQL 8+. No UPDATE … RETURNING: the due rows are locked first and the
     * conditional update then changes exactly those in the same transaction. The locked ids are the
     * "really closed" ones; batch update counts are never used (Connector/J's bulk mode reports none).
     */
    MARIADB {
        @Override
        String closeReturning(DeadlineTable t, String idCondition) {
            return null;
        }

        @Override
        String lockDue(DeadlineTable t) {
            // Waits for a row another transaction holds (the shop's own payment update) and then
            // re-reads the committed row, so a row paid meanwhile is not selected.
            return "SELECT " + t.idColumn() + ", " + t.dueColumn() + " FROM " + t.table()
                    + " WHERE " + t.idColumn() + " IN (:ids) AND " + dueAndPending(t)
                    // Locks in key order, so two nodes firing overlapping batches wait rather than deadlock.
                    + " ORDER BY " + t.idColumn() + " FOR UPDATE";
        }

        @Override
        String claim(DeadlineTable t) {
            // MySQL's clause order: ORDER BY … LIMIT n FOR UPDATE SKIP LOCKED.
            return "SELECT " + t.idColumn() + ", " + t.dueColumn() + " FROM " + t.table() + " WHERE " + dueAndPending(t)
                    + " ORDER BY " + t.dueColumn() + ", " + t.idColumn() + " LIMIT :limit FOR UPDATE SKIP LOCKED";
        }

        @Override
        String after(DeadlineTable t) {
            // Spelled out rather than a row-value comparison, which MariaDB does not turn into an index range.
            return "(" + t.dueColumn() + " > :afterDue OR (" + t.dueColumn() + " = :afterDue AND " + t.idColumn()
                    + " > :afterId))";
        }

        @Override
        String suggestedIndex(DeadlineTable t) {
            return "CREATE INDEX " + indexName(t) + " ON " + t.table() + " (" + t.dueColumn() + ", " + t.idColumn()
                    + ")";
        }
    };

    /** Picks the SQL by the database product the driver reports. */
    public static TableSql of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MARIADB;
        }
        throw new DeadlineTableException(
                null,
                "the database " + metaData.getDatabaseProductName()
                        + " is not supported by orderclock's table deadlines",
                "Use H2, PostgreSQL, MariaDB 10.6+ or MySQL 8+, or declare a DeadlineSource bean of your own.");
    }

    /** Pending rows due after (:afterDue, :afterId) and at or before :due, in (due, id) order, at most :limit. */
    String scan(DeadlineTable t, boolean fromBeginning) {
        return "SELECT " + t.idColumn() + ", " + t.dueColumn() + " FROM " + t.table() + " WHERE " + dueAndPending(t)
                + (fromBeginning ? "" : " AND " + after(t))
                + " ORDER BY " + t.dueColumn() + ", " + t.idColumn() + " LIMIT :limit";
    }

    /** The conditional update returning (id, due) of the rows it changed, or null where there is none. */
    abstract String closeReturning(DeadlineTable t, String idCondition);

    /** Where {@link #closeReturning} is null: locks the pending, due rows among :ids. */
    String lockDue(DeadlineTable t) {
        return null;
    }

    /** The sweep: claims at most :limit overdue rows no other transaction holds. */
    abstract String claim(DeadlineTable t);

    /** Whether {@link #claim} itself closes the rows and returns (id, due) of those it closed. */
    boolean claimCloses() {
        return false;
    }

    /** Where the claim reads candidates unlocked: locks those of :ids no other transaction holds. */
    String lockClaimed(DeadlineTable t) {
        return null;
    }

    String update(DeadlineTable t, String idCondition) {
        return "UPDATE " + t.table() + " SET " + t.close() + " WHERE " + idCondition + " AND " + dueAndPending(t);
    }

    String after(DeadlineTable t) {
        return "(" + t.dueColumn() + ", " + t.idColumn() + ") > (:afterDue, :afterId)";
    }

    /** Parses and checks the fragments without touching a row. */
    String pendingCheck(DeadlineTable t) {
        return "SELECT 1 FROM " + t.table() + " WHERE (" + t.pending() + ") AND 1 = 0";
    }

    /** One pending row, if there is any (LIMIT is understood by H2, PostgreSQL and MariaDB/MySQL alike). */
    String anyPending(DeadlineTable t) {
        return "SELECT 1 FROM " + t.table() + " WHERE (" + t.pending() + ") LIMIT 1";
    }

    String closeCheck(DeadlineTable t) {
        return "UPDATE " + t.table() + " SET " + t.close() + " WHERE 1 = 0";
    }

    /** The index a start-up failure asks for; PostgreSQL can leave the closed rows out of it. */
    String suggestedIndex(DeadlineTable t) {
        String index =
                "CREATE INDEX " + indexName(t) + " ON " + t.table() + " (" + t.dueColumn() + ", " + t.idColumn() + ")";
        return this == POSTGRESQL ? index + " WHERE " + t.pending() : index;
    }

    static String dueAndPending(DeadlineTable t) {
        return "(" + t.pending() + ") AND " + t.dueColumn() + " <= :due";
    }

    static String indexName(DeadlineTable t) {
        return t.table() + "_" + t.dueColumn() + "_idx";
    }
}
