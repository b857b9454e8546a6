package dev.orderclock.bench.command;

import dev.orderclock.bench.measurement.PendingProbe;
import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.workload.OrderApi;
import dev.orderclock.bench.workload.Payments;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The wait of a close run between the last order created and the read-back of every order. */
final class CloseWait {

    private final OrderApi api;
    private final Optional<PendingProbe> probe;
    private final InstantSource clock;

    /** {@code probe} asks the server's database directly when the bench has it at hand. */
    CloseWait(OrderApi api, Optional<PendingProbe> probe, InstantSource clock) {
        this.api = api;
        this.probe = probe;
        this.clock = clock;
    }

    /**
     * Sleeps to the last deadline, then returns when nothing due is still pending, or at the last
     * deadline plus {@code wait}; any order still pending then is a missed close. With the
     * database at hand it asks it (a marked query, not counted); otherwise it polls {@code /api/stats}.
     */
    void await(long created, long closedBefore, Payments payments, Instant lastDeadline, Duration wait)
            throws IOException, InterruptedException, SQLException {
        Instant giveUp = lastDeadline.plus(wait);
        try (Progress progress = Progress.of(
                "closing",
                () -> String.format(
                        "%,d orders, last deadline in %d s",
                        created, Duration.between(clock.instant(), lastDeadline).toSeconds()))) {
            long untilLast = Duration.between(clock.instant(), lastDeadline).toMillis();
            TimeUnit.MILLISECONDS.sleep(Math.max(0, untilLast));
            while (clock.instant().isBefore(giveUp)) {
                boolean open;
                if (probe.isPresent()) {
                    open = probe.get().anyPendingDueBy(lastDeadline);
                } else {
                    long closed = ServerFigures.closedByTimeout(api);
                    long paid = payments == null ? 0 : payments.accepted().size();
                    open = closed < 0 || closed - closedBefore + paid < created;
                }
                if (!open) {
                    return;
                }
                // Lag and pace come from the orders' own timestamps; this poll only ends the wait.
                TimeUnit.SECONDS.sleep(1);
            }
        }
    }
}
