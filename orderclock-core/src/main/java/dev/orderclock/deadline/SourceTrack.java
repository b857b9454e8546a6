package dev.orderclock.deadline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One source's deadlines in memory and how far they reach. Owned by the engine's ticker thread.
 *
 * <p>The <em>frontier</em> is the promise that makes loading safe: every deadline of the source that
 * is pending and at or before the frontier is in the wheel (or being fired). A deadline created
 * after commit joins the wheel only if it is at or before the frontier; later ones are left to the
 * loader. While a load query is running, new deadlines beyond the frontier are held back and
 * decided when the page arrives, because the query may or may not have seen their rows. A deadline
 * the capacity refuses pulls the frontier back below it, so the loader looks for it again.
 *
 * <p>It also carries how often the sweeper looks at the source and when it looks next; those two
 * are the sweeper's (its thread, or the caller of {@code runOnce}), not the ticker's.
 */
final class SourceTrack {

    final DeadlineSource source;
    final TimingWheel wheel;
    final long sweepIntervalMillis;
    /** When the sweeper looks at this source next; the first look is at once. */
    long nextSweepAt = Long.MIN_VALUE;

    private Deadline frontier = Deadline.BEGINNING;
    private boolean loading;
    private final List<Deadline> arrivedDuringLoad = new ArrayList<>();
    /** The lowest point the frontier was pulled back to while a page was being read: that page may not move it past. */
    private Deadline pulledBackTo;

    SourceTrack(DeadlineSource source, TimingWheel wheel, Duration sweepInterval) {
        this.source = source;
        this.wheel = wheel;
        this.sweepIntervalMillis = sweepInterval.toMillis();
    }

    /** Swept at the engine's default interval. */
    SourceTrack(DeadlineSource source, TimingWheel wheel) {
        this(source, wheel, DeadlineEngine.DEFAULT_SWEEP_INTERVAL);
    }

    Deadline frontier() {
        return frontier;
    }

    /** A deadline committed by the application (an order created, an order shipped). */
    void offer(Deadline deadline) {
        if (deadline.compareTo(frontier) <= 0) {
            add(deadline);
        } else if (loading) {
            arrivedDuringLoad.add(deadline);
        }
    }

    /**
     * A deadline whose firing failed, back in the wheel to be tried again at {@code retryAtMillis}.
     * False when the capacity refused it: it is overdue, so the sweeper closes it.
     */
    boolean retry(long id, long retryAtMillis) {
        return wheel.schedule(id, retryAtMillis);
    }

    /** Starts a load; returns the frontier to scan after. */
    Deadline beginLoad() {
        loading = true;
        pulledBackTo = null;
        return frontier;
    }

    /**
     * A page of the load arrived: holds it, moves the frontier to what it covered, and decides the
     * deadlines that arrived while it was being read. Returns the new frontier and whether the
     * capacity refused part of the page.
     */
    PageOutcome pageLoaded(List<Deadline> page, Deadline covered, boolean lastPage) {
        Deadline reached = covered;
        boolean capped = false;
        for (Deadline deadline : page) {
            if (!wheel.schedule(deadline.id(), deadline.dueMillis())) {
                reached = deadline.predecessor();
                capped = true;
                break;
            }
        }
        if (pulledBackTo != null && pulledBackTo.compareTo(reached) < 0) {
            reached = pulledBackTo;
        }
        // The pull-back is now in the frontier, and the next page reads on from it. Kept, it would
        // pull every later page back to the same point and the load would read the same page forever.
        pulledBackTo = null;
        frontier = reached;
        List<Deadline> stillWaiting = new ArrayList<>();
        for (Deadline deadline : arrivedDuringLoad) {
            if (deadline.compareTo(frontier) <= 0) {
                add(deadline);
            } else {
                stillWaiting.add(deadline);
            }
        }
        arrivedDuringLoad.clear();
        if (lastPage || capped) {
            endLoad();
        } else {
            arrivedDuringLoad.addAll(stillWaiting);
        }
        return new PageOutcome(frontier, capped);
    }

    /**
     * Ends a load that will bring no more pages (it failed, or there is no room). Deadlines that
     * arrived meanwhile are beyond the frontier, so the next load finds them.
     */
    void endLoad() {
        loading = false;
        pulledBackTo = null;
        arrivedDuringLoad.clear();
    }

    /**
     * The wheel was drained (the engine stopped): nothing is held any more, so the promise goes back
     * to the beginning and the next load reads the whole horizon again.
     */
    void reset() {
        frontier = Deadline.BEGINNING;
        endLoad();
    }

    private void add(Deadline deadline) {
        if (!wheel.schedule(deadline.id(), deadline.dueMillis())) {
            Deadline below = deadline.predecessor();
            if (below.compareTo(frontier) < 0) {
                frontier = below;
            }
            if (loading && (pulledBackTo == null || below.compareTo(pulledBackTo) < 0)) {
                pulledBackTo = below;
            }
        }
    }

    record PageOutcome(Deadline frontier, boolean capped) {}
}
