package dev.orderclock.bench.command;

import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.workload.Catalogue;
import dev.orderclock.bench.workload.OrderLoad;
import dev.orderclock.bench.workload.TimeoutPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code burst}: many orders created through the API so that all fall due within one target second,
 * then the pace of their closes from the first to the last. The target second is placed after the
 * creation ends (estimated from a warm-up), so creating and closing do not share the CPU.
 */
@Command(
        name = "burst",
        mixinStandardHelpOptions = true,
        description = {
            "Closes per second when a large batch of orders falls due within the same second.",
            "--mode cluster --nodes N: the same on N cluster nodes (see run --help)."
        })
public final class BurstCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--orders",
            defaultValue = "100000",
            description = "orders due in the same second (default: ${DEFAULT-VALUE})")
    long orders;

    @Mixin
    CloseOptions close = new CloseOptions();

    @Option(
            names = "--warmup",
            defaultValue = "3000",
            description =
                    "orders (due in 30 min) created first to warm up and estimate the pace (default: ${DEFAULT-VALUE})")
    long warmup;

    @Option(
            names = "--due-in",
            converter = DurationConverter.class,
            description = "target second from now (default: estimated creation time x 1.1 + 20 s)")
    Duration dueIn;

    @Option(
            names = "--window",
            defaultValue = "1s",
            converter = DurationConverter.class,
            description =
                    "deadlines at random over this many whole seconds from the target one: --orders 50000 "
                            + "--window 10s is 5,000 closes a second sustained for 10 s (default: ${DEFAULT-VALUE}, all at once)")
    Duration window;

    @Option(names = "--profile", description = "record a JFR profile of the server while orders close")
    boolean profile;

    @Override
    public Integer call() throws Exception {
        InstantSource clock = InstantSource.system();
        try (Target server = target.open()) {
            Catalogue catalogue = CloseRun.catalogue(server.api(), close.products, orders + warmup);
            double warmRate = warmUp(server, catalogue, clock);
            Duration until = dueIn != null
                    ? dueIn
                    : Duration.ofSeconds((long) Math.ceil(orders / Math.max(1, warmRate) * 1.1) + 20);
            Instant targetSecond = clock.instant().plus(until).truncatedTo(ChronoUnit.SECONDS);
            int seconds = (int) Math.max(1, window.toSeconds());
            Progress.step("all " + orders + " orders will fall due in [" + targetSecond + ", +" + seconds + " s)");
            CloseRun.Plan plan = close.plan(
                    new OrderLoad.Settings(
                            orders, 0, close.concurrency, TimeoutPlan.dueWithin(targetSecond, seconds), 1000),
                    seconds == 1
                            ? "due within the second " + targetSecond
                            : "due at random over the " + seconds + " s from " + targetSecond,
                    0,
                    Duration.ZERO,
                    profile);
            Report report = new CloseRun(server, clock).execute("burst --mode " + target.mode, plan, catalogue);
            Map<String, Object> burst = report.section("workload");
            burst.put("server", server.description());
            burst.put("warmupOrdersPerSecond", warmRate);
            burst.put("targetSecond", targetSecond.toString());
            if ((Long) report.section("workload").get("lastCreatedBeforeLastDeadlineMs") < 1_000) {
                report.note("creation ran into the target second: closes shared the CPU with creation; raise --due-in");
            }
            output.print(report);
            return CloseRun.exitCode(report);
        }
    }

    /** Warms the server's JIT with two halves of the warm-up and returns the pace of the second, warmer one. */
    private double warmUp(Target server, Catalogue catalogue, InstantSource clock) throws InterruptedException {
        if (warmup <= 0) {
            return 1_000;
        }
        OrderLoad.Result result = null;
        for (int half = 0; half < 2; half++) {
            OrderLoad load = new OrderLoad(server.nodes(), catalogue, clock);
            try (Progress progress = Progress.of("warm-up", () -> load.done() + "/" + warmup / 2)) {
                result = load.run(
                        new OrderLoad.Settings(
                                warmup / 2, 0, close.concurrency, TimeoutPlan.fixed(Duration.ofMinutes(30)), 1000),
                        order -> {});
            }
        }
        Progress.step(
                String.format("warm-up: %,d orders at %,.0f/s", result.created().size(), result.perSecond()));
        return result.perSecond();
    }
}
