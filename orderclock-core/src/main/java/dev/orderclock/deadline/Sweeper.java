package dev.orderclock.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * The safety net: claims pending deadlines that are overdue by more than the grace period and fires
 * them, in batches, skipping rows another node holds. With a healthy wheel it finds nothing (one
 * small indexed query per interval); after a crash, a lost message or a failed firing, it is what
 * closes the rest. (The backlog at start-up, with no grace, is {@link BacklogCloser}'s.)
 *
 * <p>While firing is backlogged (ids wait in its {@link DueQueues}), what is overdue is mostly in
 * those queues: sweeping the whole backlog then would claim the same rows, lock them against the
 * firing transactions and double the work in the database exactly when it is busiest. So while
 * firing is backlogged a round claims one batch — the oldest overdue, which is where a lost
 * deadline is, so the bound of a lost deadline (grace plus a sweep interval) holds while the
 * backlog is small — and sweeps fully again once firing keeps up. What a round closes leaves the
 * queue, so no firing transaction tries it again.
 *
 * <p>Each source has its own sweep interval: a deadline days away needs no one-second net, and a
 * look it skips is a statement the database is spared. The bound of a lost deadline is grace plus
 * its own source's interval.
 *
 * <p>In a cluster the looks are one node's at a time ({@link SweepTurn}): every node's rounds pass,
 * but only the node whose turn it is sends the query, so an idle cluster costs the database one
 * look per interval and source, not one per node.
 */
final class Sweeper {

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final InstantSource clock;
    private final Ticker ticker;
    private final EngineListener listener;
    private final Duration grace;
    private final int batchSize;
    private final DueQueues queues;
    private final SweepTurn turn;
    private final Handovers handovers;

    Sweeper(
            InstantSource clock,
            Ticker ticker,
            EngineListener listener,
            Duration grace,
            int batchSize,
            DueQueues queues) {
        this(clock, ticker, listener, grace, batchSize, queues, SweepTurn.ALWAYS, new Handovers(List.of()));
    }

    Sweeper(
            InstantSource clock,
            Ticker ticker,
            EngineListener listener,
            Duration grace,
            int batchSize,
            DueQueues queues,
            SweepTurn turn,
            Handovers handovers) {
        this.turn = turn;
        this.handovers = handovers;
        this.clock = clock;
        this.ticker = ticker;
        this.listener = listener;
        this.grace = grace;
        this.batchSize = batchSize;
        this.queues = queues;
    }

    /**
     * Starts the rounds afresh at {@code nowMillis}, just after the backlog was closed: each source's
     * first look is one of its own intervals away.
     */
    void startRounds(List<SourceTrack> tracks, long nowMillis) {
        for (SourceTrack track : tracks) {
            track.nextSweepAt = nowMillis + track.sweepIntervalMillis;
        }
    }

    /**
     * Looks at each source whose own sweep interval has passed since its last look and claims what
     * is overdue by more than the grace period; returns how many it fired. While firing is
     * backlogged, one batch per source.
     */
    int sweep(List<SourceTrack> tracks) {
        boolean backlogged = queues.backlogged();
        long now = clock.millis();
        int total = 0;
        for (SourceTrack track : tracks) {
            if (now < track.nextSweepAt) {
                continue;
            }
            // Set before the look: a source whose look throws waits its interval, while the sources
            // after it, still due, are looked at in the next round rather than starved behind it.
            track.nextSweepAt = now + track.sweepIntervalMillis;
            if (!turn.mine()) {
                // Another node looks for the cluster this interval; asked again at the next one, so a
                // node that takes over looks within one interval of taking over.
                continue;
            }
            int fired = sweep(track, clock.instant().minus(grace), backlogged ? 1 : Integer.MAX_VALUE);
            if (fired > 0) {
                log.info("sweeper fired {} overdue deadlines of {} that the wheel had not", fired, track.source.name());
            }
            total += fired;
        }
        return total;
    }

    /** How long until the next source is due a look: what the sweeper thread waits before its next round. */
    long untilNextRound(List<SourceTrack> tracks) {
        long now = clock.millis();
        long wait = Long.MAX_VALUE;
        for (SourceTrack track : tracks) {
            // Capped at the interval, so that a clock set back does not stall the safety net.
            long untilDue = Math.max(track.nextSweepAt, now) - now;
            wait = Math.min(wait, Math.min(untilDue, track.sweepIntervalMillis));
        }
        return wait;
    }

    private int sweep(SourceTrack track, Instant cutoff, int maxBatches) {
        int total = 0;
        for (int batches = 1; ; batches++) {
            List<Fired> fired = track.source.sweep(cutoff, batchSize, clock);
            if (!fired.isEmpty()) {
                // The wheel or the due queue may hold them too: drop them there rather than hand them
                // to a firing transaction again for nothing.
                long[] ids = fired.stream().mapToLong(Fired::id).toArray();
                queues.remove(track, ids);
                handovers.settled(track, ids);
                ticker.submit(() -> fired.forEach(f -> track.wheel.cancel(f.id())));
                listener.onFired(track.source, fired, true);
            }
            total += fired.size();
            if (fired.size() < batchSize || batches >= maxBatches) {
                return total;
            }
        }
    }
}
