package dev.orderclock.bench.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code payTimeoutSeconds} each new order asks for. The API takes whole seconds from the
 * server's now, so a plan can fix the timeout, spread it, or aim every order at one target second.
 */
@FunctionalInterface
public interface TimeoutPlan {

    /** Seconds for the order created at {@code now} (client clock, same machine as the server). */
    long secondsFor(Instant now);

    /** Every order gets the same timeout. */
    static TimeoutPlan fixed(Duration timeout) {
        long seconds = Math.max(1, timeout.toSeconds());
        return now -> seconds;
    }

    /** Uniformly from 1 s to {@code spread}: deadlines spread over that long after each creation. */
    static TimeoutPlan spread(Duration spread) {
        long max = Math.max(1, spread.toSeconds());
        return now -> ThreadLocalRandom.current().nextLong(1, max + 1);
    }

    /**
     * Whole seconds that put the deadline in {@code [target, target + 1 s)} (plus the request's few
     * milliseconds): orders created at different moments all fall due within that one second.
     */
    static TimeoutPlan dueWithinSecondOf(Instant target) {
        return dueWithin(target, 1);
    }

    /**
     * Deadlines at random over the {@code seconds} whole seconds from {@code target}: the same
     * number of orders due at a sustained rate of that many per second, instead of all at once.
     */
    static TimeoutPlan dueWithin(Instant target, int seconds) {
        return now -> Math.max(1, (Duration.between(now, target).toMillis() + 999) / 1000)
                + (seconds <= 1 ? 0 : ThreadLocalRandom.current().nextInt(seconds));
    }
}
