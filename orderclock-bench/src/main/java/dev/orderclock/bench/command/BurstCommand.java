package dev.orderclock.bench.command;

import dev.orderclock.bench.compare.CompareTable;
import dev.orderclock.bench.compare.Figures;
import dev.orderclock.bench.compare.Workload;
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
import java.util.LinkedHashMap;
import java.util.List;
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

    @Option(
            names = "--peers",
            split = ",",
            defaultValue = "scan-1s",
            description = "compare's peers given the same burst after orderclock, in the same run: as many orders due "
                    + "within a target second as far from the start of their creation, in a PostgreSQL schema of their own "
                    + "on --postgres; none: orderclock alone (default: ${DEFAULT-VALUE})")
    List<String> peers;

    @Mixin
    PeerOptions peerOptions;

    @Override
    public Integer call() throws Exception {
        BurstPeers rivals = new BurstPeers(peers);
        InstantSource clock = InstantSource.system();
        int seconds = (int) Math.max(1, window.toSeconds());
        Report report;
        Duration until;
        String server;
        try (Target opened = target.open()) {
            server = opened.description();
            Catalogue catalogue = CloseRun.catalogue(opened.api(), close.products, orders + warmup);
            double warmRate = warmUp(opened, catalogue, clock);
            until = dueIn != null
                    ? dueIn
                    : Duration.ofSeconds((long) Math.ceil(orders / Math.max(1, warmRate) * 1.1) + 20);
            Instant targetSecond = clock.instant().plus(until).truncatedTo(ChronoUnit.SECONDS);
            Progress.step("all " + orders + " orders will fall due in [" + targetSecond + ", +" + seconds + " s)");
            CloseRun.Plan plan = close.plan(
                    new OrderLoad.Settings(
                            orders, 0, close.concurrency, TimeoutPlan.dueWithin(targetSecond, seconds), 1000),
                    due(targetSecond, seconds),
                    0,
                    Duration.ZERO,
                    profile);
            report = new CloseRun(opened, clock).execute("burst --mode " + target.mode, plan, catalogue);
            Map<String, Object> burst = report.section("workload");
            burst.put("server", server);
            burst.put("warmupOrdersPerSecond", warmRate);
            burst.put("targetSecond", targetSecond.toString());
            if ((Long) report.section("workload").get("lastCreatedBeforeLastDeadlineMs") < 1_000) {
                report.note("creation ran into the target second: closes shared the CPU with creation; raise --due-in");
            }
        }
        if (rivals.isEmpty()) {
            output.print(report);
            return CloseRun.exitCode(report);
        }
        CompareTable table = rivals.measure(
                orderclockRow(report, server),
                header(seconds, until, rivals),
                peerOptions.peerRun(target.services),
                targetSecond -> new Workload(
                        orders,
                        close.concurrency,
                        0,
                        TimeoutPlan.dueWithin(targetSecond, seconds),
                        due(targetSecond, seconds),
                        0,
                        Duration.ZERO,
                        close.grace,
                        close.drain,
                        close.products),
                until,
                clock);
        output.print(report, table);
        return CloseRun.exitCode(report) == 0 && table.trustworthy() ? 0 : 1;
    }

    private static String due(Instant targetSecond, int seconds) {
        return seconds == 1
                ? "due within the second " + targetSecond
                : "due at random over the " + seconds + " s from " + targetSecond;
    }

    private Figures orderclockRow(Report report, String server) {
        String deadlines = (String) report.section("workload").get("timeouts");
        String created = "orders created through POST /api/orders";
        if (target.mode.equals("cluster")) {
            return OrderclockFigures.from(
                    report,
                    "orderclock (cluster, " + target.nodes + " node" + (target.nodes == 1 ? ")" : "s)"),
                    "its server jar, " + server + ", RabbitMQ delay tiers; " + created,
                    deadlines);
        }
        return OrderclockFigures.from(
                report,
                "orderclock (embedded)",
                "its server jar, " + server + ", embedded H2, the local timing wheel; " + created,
                deadlines);
    }

    private Map<String, Object> header(int seconds, Duration until, BurstPeers rivals) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("orders", orders);
        header.put(
                "deadlines",
                seconds == 1
                        ? "all within one target second"
                        : "at random over " + seconds + " s from a target second");
        header.put("target second", until.toSeconds() + " s after each system's run starts");
        header.put("concurrency", close.concurrency + " client threads");
        header.put("grace", close.grace.toSeconds() + " s (a close later than this is late)");
        header.put("missed", "still pending " + close.drain.toSeconds() + " s after the last deadline plus grace");
        header.put("systems", "orderclock (" + target.mode + "), " + String.join(", ", rivals.keys()));
        return header;
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
