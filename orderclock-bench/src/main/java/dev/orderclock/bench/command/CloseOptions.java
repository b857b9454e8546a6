package dev.orderclock.bench.command;

import dev.orderclock.bench.workload.OrderLoad;

import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * The options of every close measurement ({@code run}, {@code burst}, {@code compare}): client
 * threads, SKUs, when a close is late and how long the bench waits for late ones.
 */
public final class CloseOptions {

    @Option(names = "--concurrency", defaultValue = "8", description = "client threads (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(
            names = "--grace",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "a close later than this after the deadline is late (default: ${DEFAULT-VALUE})")
    Duration grace;

    @Option(
            names = "--drain",
            converter = DurationConverter.class,
            description = "how long after the last deadline plus grace to wait for late closes (default: 120s; "
                    + "compare: 90s)")
    Duration drain;

    @Option(
            names = "--products",
            defaultValue = "16",
            description = "SKUs the orders spread over (default: ${DEFAULT-VALUE})")
    int products;

    /** The default drain of {@code run} and {@code burst}. */
    CloseOptions() {
        this(Duration.ofSeconds(120));
    }

    /** A command's own default drain (the field's initial value is picocli's default). */
    CloseOptions(Duration drain) {
        this.drain = drain;
    }

    /** The close run of {@code load}, with these options' grace, drain and SKUs. */
    CloseRun.Plan plan(OrderLoad.Settings load, String timeouts, double paidShare, Duration payLead, boolean profile) {
        return new CloseRun.Plan(load, timeouts, paidShare, payLead, grace, drain, products, profile);
    }
}
