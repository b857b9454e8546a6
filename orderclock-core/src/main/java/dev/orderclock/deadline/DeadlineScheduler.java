package dev.orderclock.deadline;

import java.time.Instant;

/**
 * Where the application reports deadlines it has just committed: the embedded engine's wheel
 * ({@link DeadlineEngine}) or, in cluster mode, a broker's delay queue. Both are hints; the row is
 * the truth and the sweeper finds whatever a hint lost.
 */
public interface DeadlineScheduler {

    /** A deadline whose row has just been committed. Must not throw for a lost hint. */
    void schedule(DeadlineSource source, long id, Instant due);

    /** A deadline no longer needed (the order left its pending state another way). */
    void cancel(DeadlineSource source, long id);
}
