package dev.orderclock.bench.compare;

/**
 * One row of the {@code compare} table: what one system did with the workload. A figure that could
 * not be measured for a system is {@code null}, printed as n/a.
 *
 * @param firstToLastCloseMs from the first close of the run to its last
 * @param observedLagP50Ms lag as an outside observer saw it: from the deadline to the first poll of the
 *                   system's orders table at which the order no longer read pending (see {@code observer})
 * @param paidIntended orders the workload chose to pay; {@code paidAccepted} of them the channel (or
 *                   the peer's table) accepted
 * @param statements statements executed (orderclock: as its H2 database counts them, COMMITs left out;
 *                   a peer: at the JDBC boundary of its data source, a batch counting once)
 * @param commits    commits (orderclock: H2's COMMIT statements; a peer: {@code Connection.commit()} calls)
 * @param tableScans PostgreSQL's sequential plus index scans on the peer's schema ({@code pg_stat_user_tables})
 * @param rowsWritten PostgreSQL's rows inserted, updated and deleted in the peer's schema
 * @param heapMiB    orderclock: the server's live heap after a full GC at the end of the run; a peer:
 *                   how much the bench JVM's live heap grew while every order of the run was pending
 * @param sweeperClaimed orderclock: deadlines its sweeper closed because no timer had
 *                   ({@code orderclock_sweeper_claimed_total} during the run); null for a peer
 * @param observer   how the observed lag was seen, and how finely
 */
public record Figures(
        String system,
        String configuration,
        String deadlines,
        long created,
        Double createdPerSecond,
        Double closesPerSecond,
        Long firstToLastCloseMs,
        Long lagP50Ms,
        Long lagP99Ms,
        Long lagMaxMs,
        Long observedLagP50Ms,
        Long observedLagP99Ms,
        Long observedLagMaxMs,
        long closed,
        long missed,
        long late,
        long paidAccepted,
        Long paidIntended,
        long paidClosed,
        Long closedTwice,
        Boolean stockConserved,
        Long statements,
        Long commits,
        Long tableScans,
        Long rowsWritten,
        Double heapMiB,
        Double rssMiB,
        Long sweeperClaimed,
        String observer,
        String failure) {

    /** The same figures under another name (the RabbitMQ rows carry their deadlines in theirs). */
    public Figures named(String name) {
        return new Figures(
                name,
                configuration,
                deadlines,
                created,
                createdPerSecond,
                closesPerSecond,
                firstToLastCloseMs,
                lagP50Ms,
                lagP99Ms,
                lagMaxMs,
                observedLagP50Ms,
                observedLagP99Ms,
                observedLagMaxMs,
                closed,
                missed,
                late,
                paidAccepted,
                paidIntended,
                paidClosed,
                closedTwice,
                stockConserved,
                statements,
                commits,
                tableScans,
                rowsWritten,
                heapMiB,
                rssMiB,
                sweeperClaimed,
                observer,
                failure);
    }

    /** A system whose run failed before it produced figures. */
    public static Figures failed(String system, String configuration, String deadlines, String failure) {
        return new Figures(
                system,
                configuration,
                deadlines,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                0,
                0,
                0,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                failure);
    }

    /** "accepted/intended" for the payments, or the accepted count alone when the intention is not known. */
    public String paidText() {
        return paidIntended == null ? Long.toString(paidAccepted) : paidAccepted + "/" + paidIntended;
    }

    /** Accepted payments as a share of the intended ones, or null when none was intended. */
    public Double paidShareAccepted() {
        return paidIntended == null || paidIntended == 0 ? null : paidAccepted / (double) paidIntended;
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
        return failure == null
                && paidClosed == 0
                && (closedTwice == null || closedTwice == 0)
                && !Boolean.FALSE.equals(stockConserved);
    }
}
