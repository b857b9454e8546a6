package dev.orderclock.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Brings into memory the deadlines due within the horizon: from each source's frontier up to
 * {@code now + horizon}, in pages of indexed range scans ordered by (due, id). Nothing due later
 * is read, so the database sees a handful of small queries per half horizon and no scan of
 * everything pending. Stops early when the capacity is full; the next load goes on from there.
 */
final class HorizonLoader {

    private static final Logger log = LoggerFactory.getLogger(HorizonLoader.class);

    private final InstantSource clock;
    private final Ticker ticker;
    private final Capacity capacity;
    private final EngineListener listener;
    private final Duration horizon;
    private final int pageSize;
    private final Duration slowLoad;

    HorizonLoader(
            InstantSource clock,
            Ticker ticker,
            Capacity capacity,
            EngineListener listener,
            Duration horizon,
            int pageSize,
            Duration slowLoad) {
        this.clock = clock;
        this.ticker = ticker;
        this.capacity = capacity;
        this.listener = listener;
        this.horizon = horizon;
        this.pageSize = pageSize;
        this.slowLoad = slowLoad;
    }

    /** Loads every source; true when all of them reached the horizon (false: capacity was short). */
    boolean loadAll(List<SourceTrack> tracks) {
        boolean complete = true;
        for (SourceTrack track : tracks) {
            complete &= load(track);
        }
        return complete;
    }

    private boolean load(SourceTrack track) {
        long started = System.nanoTime();
        Instant until = clock.instant().plus(horizon);
        Deadline after = ticker.call(track::beginLoad);
        int loaded = 0;
        try {
            while (true) {
                int limit = (int) Math.min(pageSize, capacity.free());
                if (limit <= 0) {
                    ticker.call(() -> {
                        track.endLoad();
                        return null;
                    });
                    return false;
                }
                List<Deadline> page = track.source.scan(after, until, limit);
                boolean lastPage = page.size() < limit;
                Deadline covered = lastPage ? Deadline.endOf(until.toEpochMilli()) : page.get(page.size() - 1);
                SourceTrack.PageOutcome outcome = ticker.call(() -> track.pageLoaded(page, covered, lastPage));
                loaded += page.size();
                if (outcome.capped()) {
                    return false;
                }
                if (lastPage) {
                    return true;
                }
                after = outcome.frontier();
            }
        } catch (RuntimeException e) {
            ticker.call(() -> {
                track.endLoad();
                return null;
            });
            throw e;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            listener.onLoaded(track.source, loaded, took);
            if (took.compareTo(slowLoad) > 0) {
                log.info(
                        "horizon load of {} took {} ms for {} deadlines", track.source.name(), took.toMillis(), loaded);
            }
        }
    }
}
