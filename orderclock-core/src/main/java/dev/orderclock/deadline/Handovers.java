package dev.orderclock.deadline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The ids handed to the engine by {@link DeadlineEngine#fireNow} that are not settled yet, each with
 * the completion of its hand-over. An id is settled when a firing transaction that held it commits,
 * when the sweeper closes it, or when it is cancelled (its row left the pending state); a hand-over
 * completes once each of its ids is settled. It fails when one of its ids leaves memory unfired: the
 * engine stops, or a retry finds the capacity full (the caller still holds the ids, and the sweeper
 * stands behind them).
 *
 * <p><b>Threading.</b> Thread-safe, one lock; completions run outside it, on the settling thread.
 * With nothing handed over, every call is one volatile read.
 */
final class Handovers {

    private final Map<SourceTrack, Map<Long, List<Handover>>> bySource = new IdentityHashMap<>();
    /** Ids waiting in all sources; read without the lock so that an engine with none pays nothing. */
    private volatile long waiting;

    Handovers(List<SourceTrack> tracks) {
        for (SourceTrack track : tracks) {
            bySource.put(track, new HashMap<>());
        }
    }

    /** Registers a hand-over of {@code ids}; its stage completes once each is settled. */
    CompletionStage<Void> register(SourceTrack track, long[] ids) {
        Handover handover = new Handover(ids.length);
        if (ids.length == 0) {
            handover.done.complete(null);
            return handover.done;
        }
        Map<Long, List<Handover>> pending = bySource.get(track);
        synchronized (this) {
            for (long id : ids) {
                pending.computeIfAbsent(id, k -> new ArrayList<>(1)).add(handover);
            }
            waiting += ids.length;
        }
        return handover.done;
    }

    /** {@code ids} fired in a committed transaction, closed by the sweeper, or cancelled. */
    void settled(SourceTrack track, long[] ids) {
        if (waiting == 0) {
            return;
        }
        List<Handover> done = new ArrayList<>();
        Map<Long, List<Handover>> pending = bySource.get(track);
        synchronized (this) {
            for (long id : ids) {
                List<Handover> handovers = pending.remove(id);
                if (handovers != null) {
                    waiting -= handovers.size();
                    for (Handover handover : handovers) {
                        if (--handover.unsettled == 0) {
                            done.add(handover);
                        }
                    }
                }
            }
        }
        done.forEach(handover -> handover.done.complete(null));
    }

    /** {@code id} left memory unfired: the hand-overs that carried it fail. */
    void failed(SourceTrack track, long id, RuntimeException cause) {
        if (waiting == 0) {
            return;
        }
        List<Handover> handovers;
        synchronized (this) {
            handovers = bySource.get(track).remove(id);
            if (handovers == null) {
                return;
            }
            waiting -= handovers.size();
        }
        handovers.forEach(handover -> handover.done.completeExceptionally(cause));
    }

    /** Every unsettled hand-over fails (the engine stopped and dropped what it held). */
    void failAll(RuntimeException cause) {
        if (waiting == 0) {
            return;
        }
        List<Handover> failed = new ArrayList<>();
        synchronized (this) {
            for (Map<Long, List<Handover>> pending : bySource.values()) {
                pending.values().forEach(failed::addAll);
                pending.clear();
            }
            waiting = 0;
        }
        failed.forEach(handover -> handover.done.completeExceptionally(cause));
    }

    /** Ids handed over and not settled yet (an id handed over twice counts twice). */
    long waiting() {
        return waiting;
    }

    /** One hand-over: how many of its ids are still unsettled, and its completion. Guarded by the lock. */
    private static final class Handover {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        int unsettled;

        Handover(int ids) {
            this.unsettled = ids;
        }
    }
}
