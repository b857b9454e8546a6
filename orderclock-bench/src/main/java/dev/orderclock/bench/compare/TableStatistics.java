package dev.orderclock.bench.compare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL's own count of the work done on the tables of one schema ({@code pg_stat_user_tables}):
 * table scans (sequential and index) and rows inserted, updated and deleted. The schema is the
 * peer's alone, so other sessions on the same database do not show up; a backend reports its
 * counts when its transaction ends or its connection closes, so the bench reads them after the
 * peer's pool is closed.
 */
public record TableStatistics(long seqScans, long idxScans, long inserted, long updated, long deleted) {

    private static final String READ = """
            SELECT coalesce(sum(seq_scan), 0), coalesce(sum(idx_scan), 0), coalesce(sum(n_tup_ins), 0),
                   coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_del), 0)
              FROM pg_stat_user_tables WHERE schemaname = ?""";

    public static TableStatistics read(Connection connection, String schema) throws SQLException {
        try (PreparedStatement clear = connection.prepareStatement("SELECT pg_stat_clear_snapshot()")) {
            clear.execute();
        }
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setString(1, schema);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return new TableStatistics(
                        row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
            }
        }
    }

    public TableStatistics since(TableStatistics earlier) {
        return new TableStatistics(
                seqScans - earlier.seqScans,
                idxScans - earlier.idxScans,
                inserted - earlier.inserted,
                updated - earlier.updated,
                deleted - earlier.deleted);
    }

    /**
     * These figures less {@code own} scans the bench made itself (one per close-observer poll), taken
     * from the index scans, which is how the observer reads, floored at zero.
     */
    public TableStatistics withoutScans(long own) {
        return new TableStatistics(seqScans, Math.max(0, idxScans - own), inserted, updated, deleted);
    }

    public long scans() {
        return seqScans + idxScans;
    }

    public long rowsWritten() {
        return inserted + updated + deleted;
    }
}
