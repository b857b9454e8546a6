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
 * closes the rest. At start-up it closes the whole backlog with no grace.
 */
final class Sweeper {

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final InstantSource clock;
    private final Ticker ticker;
    private final EngineListener listener;
    private final Duration grace;
    private final int batchSize;

    Sweeper(InstantSource clock, Ticker ticker, EngineListener listener, Duration grace, int batchSize) {
        this.clock = clock;
        this.ticker = ticker;
        this.listener = listener;
        this.grace = grace;
        this.batchSize = batchSize;
    }

    /** Claims what is overdue by more than the grace period; returns how many it fired. */
    int sweep(List<SourceTrack> tracks) {
        int total = 0;
        for (SourceTrack track : tracks) {
            int fired = sweep(track, clock.instant().minus(grace));
            if (fired > 0) {
                log.info("sweeper fired {} overdue deadlines of {} that the wheel had not", fired, track.source.name());
            }
            total += fired;
        }
        return total;
    }

    /** Fires everything of {@code track} due before {@code cutoff}; returns how many. */
    int sweep(SourceTrack track, Instant cutoff) {
        int total = 0;
        while (true) {
            List<Fired> fired = track.source.sweep(cutoff, batchSize, clock.instant());
            if (!fired.isEmpty()) {
                listener.onFired(track.source, fired, true);
                // The wheel may hold them too: drop them there rather than fire them again for nothing.
                ticker.submit(() -> fired.forEach(f -> track.wheel.cancel(f.id())));
            }
            total += fired.size();
            if (fired.size() < batchSize) {
                return total;
            }
        }
    }
}
