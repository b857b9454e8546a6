package dev.orderclock.bench.command;

import dev.orderclock.bench.measurement.CloseReadback;
import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.workload.OrderLoad;
import dev.orderclock.bench.workload.Payments;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The figures a close run reports: its workload and creation pace, then how its orders closed. */
final class CloseSections {

    private CloseSections() {}

    /** The "workload" and "create" sections: what was asked, what was created and how fast. */
    static void workload(Report report, CloseRun.Plan plan, OrderLoad.Result created, Instant lastDeadline) {
        Map<String, Object> workload = report.section("workload");
        workload.put("ordersRequested", plan.load().orders());
        workload.put("ordersCreated", (long) created.created().size());
        workload.put("createFailures", created.failures().toString());
        workload.put("concurrency", plan.load().concurrency());
        workload.put(
                "rateLimitPerSecond",
                plan.load().ratePerSecond() > 0 ? plan.load().ratePerSecond() : "none");
        workload.put("timeouts", plan.timeoutsDescription());
        workload.put("products", plan.products());
        workload.put("graceSeconds", plan.grace().toSeconds());
        workload.put("clientCpuSecondsWhileCreating", created.clientCpuSeconds());
        workload.put("lastDeadline", lastDeadline.toString());
        workload.put(
                "lastCreatedBeforeLastDeadlineMs",
                Duration.between(created.finished(), lastDeadline).toMillis());
        Map<String, Object> create = report.section("create");
        create.put("ordersPerSecond", created.perSecond());
        create.put(
                "seconds",
                Duration.between(created.started(), created.finished()).toMillis() / 1000.0);
        Histogram latency = created.latencyMicros();
        create.put("latencyP50Ms", latency.getValueAtPercentile(50) / 1000.0);
        create.put("latencyP99Ms", latency.getValueAtPercentile(99) / 1000.0);
        create.put("latencyMaxMs", latency.getMaxValue() / 1000.0);
    }

    /** The "close" section: pace, lag, late and missed closes, and what became of the payments. */
    static void close(Report report, CloseReadback.Outcome outcome, Payments payments, Set<String> accepted) {
        Map<String, Object> close = report.section("close");
        close.put("closedByTimeout", outcome.closedByTimeout());
        close.put("closesPerSecond", outcome.closesPerSecond());
        close.put(
                "firstToLastCloseMs",
                outcome.firstClose() == null
                        ? 0L
                        : Duration.between(outcome.firstClose(), outcome.lastClose())
                                .toMillis());
        Histogram lag = outcome.lagMs();
        close.put("lagP50Ms", lag.getTotalCount() == 0 ? 0L : lag.getValueAtPercentile(50));
        close.put("lagP99Ms", lag.getTotalCount() == 0 ? 0L : lag.getValueAtPercentile(99));
        close.put("lagP999Ms", lag.getTotalCount() == 0 ? 0L : lag.getValueAtPercentile(99.9));
        close.put("lagMaxMs", lag.getMaxValue());
        close.put("closedLaterThanGrace", outcome.late());
        close.put("missedCloses", outcome.missed());
        close.put("stillPending", outcome.pending());
        close.put("closedBeforeDeadline", outcome.closedEarly());
        close.put("notFoundInListing", outcome.unseen());
        close.put("cancelled", outcome.cancelled());
        if (payments != null) {
            close.put("paymentsIntended", payments.intended());
            close.put("paymentsAccepted", (long) accepted.size());
            close.put("paymentsTradeNotOpened", payments.notOpened());
            close.put("paymentsRefusedByChannel", payments.refused());
            close.put("paymentsUnanswered", payments.failed());
            close.put("paymentsRefusedOrFailed", payments.notOpened() + payments.refused() + payments.failed());
            close.put("paidOrders", outcome.paid());
            close.put("paidOrdersClosed", outcome.paidButClosed());
        }
    }
}
