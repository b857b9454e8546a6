package dev.orderclock.bench.command;

import dev.orderclock.bench.cluster.ClusterActivity;
import dev.orderclock.bench.measurement.CloseObserver;
import dev.orderclock.bench.measurement.CloseReadback;
import dev.orderclock.bench.measurement.PendingOrders;
import dev.orderclock.bench.report.Report;
import dev.orderclock.order.OrderId;

import org.HdrHistogram.Histogram;

import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/** The close lag of a {@code run} or {@code burst} as an outside observer sees it, beside the recorded one. */
final class ObservedLag {

    private ObservedLag() {}

    /**
     * The outside observer of closes ({@link CloseObserver}), polling the server's own orders table:
     * H2 over its AUTO_SERVER port (embedded), the run's PostgreSQL database (cluster).
     */
    static Optional<CloseObserver> observer(
            Target target, Optional<ClusterActivity> activity, InstantSource clock, Report report) {
        try {
            if (activity.isPresent()) {
                return Optional.of(new CloseObserver(activity.get().pendingOrders(), clock));
            }
            if (target.database().isPresent()) {
                return Optional.of(new CloseObserver(
                        new PendingOrders(target.database().get().connectToRunningServer(), () -> {}), clock));
            }
            report.note("observed lag not measured: the bench reaches the server's database only when it started "
                    + "the server or was given --data-dir");
        } catch (SQLException e) {
            report.note("observed lag not measured: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The lag as the observer saw it, beside the recorded one, and how fine it sees. */
    static void report(Map<String, Object> close, Optional<CloseObserver> observer, CloseReadback.Outcome outcome) {
        if (observer.isEmpty()) {
            return;
        }
        CloseObserver.Summary seen = observer.get()
                .summary(outcome.closedIds().stream()
                        .map(id -> OrderId.parse(id).orElseThrow())
                        .toList());
        Histogram lag = seen.lagMs();
        close.put("observedLagP50Ms", lag.getTotalCount() == 0 ? null : lag.getValueAtPercentile(50));
        close.put("observedLagP99Ms", lag.getTotalCount() == 0 ? null : lag.getValueAtPercentile(99));
        close.put("observedLagMaxMs", lag.getTotalCount() == 0 ? null : lag.getMaxValue());
        close.put("observedCloses", lag.getTotalCount());
        close.put("closesNotObserved", seen.unobserved());
        close.put(
                "observer",
                "first poll of the server's orders table at which the order, due, no longer read "
                        + "PENDING_PAYMENT; " + seen.resolution() + ", " + seen.failedPolls() + " failed, "
                        + seen.unobserved() + " closes not seen");
    }
}
