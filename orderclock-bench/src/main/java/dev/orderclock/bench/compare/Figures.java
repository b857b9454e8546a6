package dev.orderclock.bench.compare;

/**
 * One row of the {@code compare} table: what one system did with the workload. A figure that could
 * not be measured for a system is {@code null}, printed as n/a.
 *
 * @param statements statements executed (orderclock: as its H2 database counts them, COMMITs left out;
 *                   a peer: at the JDBC boundary of its data source, a batch counting once)
 * @param commits    commits (orderclock: H2's COMMIT statements; a peer: {@code Connection.commit()} calls)
 * @param tableScans PostgreSQL's sequential plus index scans on the peer's schema ({@code pg_stat_user_tables})
 * @param rowsWritten PostgreSQL's rows inserted, updated and deleted in the peer's schema
 * @param heapMiB    orderclock: the server's live heap after a full GC at the end of the run; a peer:
 *                   how much the bench JVM's live heap grew while every order of the run was pending
 */
public record Figures(String system, String configuration, String deadlines, long created,
                      Double createdPerSecond, Double closesPerSecond, Long lagP50Ms, Long lagP99Ms,
                      Long lagMaxMs, long closed, long missed, long late, long paidAccepted, long paidClosed,
                      Long closedTwice, Boolean stockConserved, Long statements, Long commits, Long tableScans,
                      Long rowsWritten, Double heapMiB, Double rssMiB, String failure) {

    /** The same figures under another name (the RabbitMQ rows carry their deadlines in theirs). */
    public Figures named(String name) {
        return new Figures(name, configuration, deadlines, created, createdPerSecond, closesPerSecond, lagP50Ms,
                lagP99Ms, lagMaxMs, closed, missed, late, paidAccepted, paidClosed, closedTwice, stockConserved,
                statements, commits, tableScans, rowsWritten, heapMiB, rssMiB, failure);
    }

    /** A system whose run failed before it produced figures. */
    public static Figures failed(String system, String configuration, String deadlines, String failure) {
        return new Figures(system, configuration, deadlines, 0, null, null, null, null, null, 0, 0, 0, 0, 0, null,
                null, null, null, null, null, null, null, failure);
    }

    /** Held the invariants: nothing missed, no paid order closed, nothing closed twice, stock conserved. */
    public boolean correct() {
        return safe() && missed == 0;
    }

    /**
     * Ran and broke nothing: no paid order closed, nothing closed twice, stock conserved. A peer that
     * is merely too slow (closes missed) is a finding of the comparison, not a failure of the run.
     */
    public boolean safe() {
        return failure == null && paidClosed == 0 && (closedTwice == null || closedTwice == 0)
                && !Boolean.FALSE.equals(stockConserved);
    }
}
