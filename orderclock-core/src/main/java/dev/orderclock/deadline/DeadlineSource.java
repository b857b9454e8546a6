package dev.orderclock.deadline;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * A kind of deadline (payment timeout, auto-confirm) as the engine sees it: something it can scan
 * by time window and fire in batches. The engine knows nothing else about what the ids mean.
 * Implementations must be safe to call from several threads and must fire each id at most once,
 * however often it is handed over (a conditional update, not a check-then-act).
 */
public interface DeadlineSource {

    /** A short name for logs and metrics, e.g. {@code payment-timeout}. */
    String name();

    /**
     * Pending deadlines after {@code after} in (due, id) order and due at or before {@code until},
     * in that order, at most {@code limit}: one indexed range query.
     */
    List<Deadline> scan(Deadline after, Instant until, int limit);

    /** Fires those of {@code ids} that are still pending and due at {@code now}, in one transaction. */
    List<Fired> fire(long[] ids, Instant now);

    /**
     * Fires as {@link #fire(long[], Instant)}, reading {@code now} from {@code clock} inside the
     * transaction as late as it can, just before the conditional update: the time recorded (and
     * every lag measured from it) is then close to the commit, not to when the batch was handed
     * over. The engine fires this way; the default reads the clock at once.
     */
    default List<Fired> fire(long[] ids, InstantSource clock) {
        return fire(ids, clock.instant());
    }

    /**
     * Claims at most {@code limit} pending deadlines due before {@code cutoff}, skipping those another
     * node holds, and fires them in one transaction: the safety net behind the wheel.
     */
    List<Fired> sweep(Instant cutoff, int limit, Instant now);

    /**
     * Sweeps as {@link #sweep(Instant, int, Instant)}, reading {@code now} from {@code clock} inside
     * the transaction, after the claim and just before the conditional update. The default reads the
     * clock at once.
     */
    default List<Fired> sweep(Instant cutoff, int limit, InstantSource clock) {
        return sweep(cutoff, limit, clock.instant());
    }
}
