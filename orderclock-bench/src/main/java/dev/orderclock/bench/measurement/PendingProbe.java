package dev.orderclock.bench.measurement;

/** Asks the server's database whether an order due by a given instant is still pending: what ends a run's wait. */
@FunctionalInterface
public interface PendingProbe {

    /** One cheap indexed probe (LIMIT 1), since it is asked every second while the server closes a backlog. */
    boolean anyPendingDueBy(java.time.Instant instant) throws java.sql.SQLException;
}
