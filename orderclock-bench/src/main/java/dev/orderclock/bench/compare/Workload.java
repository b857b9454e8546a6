package dev.orderclock.bench.compare;

import dev.orderclock.bench.workload.TimeoutPlan;

import java.time.Duration;

/**
 * The workload every system of a {@code compare} runs: {@code orders} created from {@code concurrency}
 * threads (paced to {@code ratePerSecond}, 0 = as fast as they go), each due {@code timeouts} after
 * its creation, a {@code paidShare} of them paid {@code payLead} before the deadline. A close later
 * than {@code grace} is late; an order still pending {@code drain} after the last deadline plus grace is missed.
 */
public record Workload(
        long orders,
        int concurrency,
        double ratePerSecond,
        TimeoutPlan timeouts,
        String timeoutsDescription,
        double paidShare,
        Duration payLead,
        Duration grace,
        Duration drain,
        int products) {

    /** The same workload with other deadlines (the RabbitMQ row that shows head-of-line blocking). */
    public Workload withTimeouts(TimeoutPlan other, String description) {
        return new Workload(
                orders, concurrency, ratePerSecond, other, description, paidShare, payLead, grace, drain, products);
    }

    /** Stock per product: enough for every order of the run. */
    public long stockEach() {
        return orders / products + orders / 10 + 1_000;
    }
}
