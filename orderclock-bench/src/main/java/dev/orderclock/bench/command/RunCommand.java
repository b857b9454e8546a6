package dev.orderclock.bench.command;

import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.workload.OrderLoad;
import dev.orderclock.bench.workload.TimeoutPlan;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;

/** {@code run}: a close workload against orderclock, with the figures of issue 5's list. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Create orders through the HTTP API and measure how they close.",
            "--mode cluster --nodes N: N nodes on the local PostgreSQL and RabbitMQ (a fresh database and queue "
                    + "prefix, removed after); adds PostgreSQL transactions and the nodes' broker messages per order."
        })
public final class RunCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Mixin
    OutputOptions output;

    @Option(names = "--orders", defaultValue = "10000", description = "orders to create (default: ${DEFAULT-VALUE})")
    long orders;

    @Option(names = "--rate", defaultValue = "0", description = "orders per second, 0 = as fast as they go")
    double rate;

    @Option(names = "--concurrency", defaultValue = "8", description = "client threads (default: ${DEFAULT-VALUE})")
    int concurrency;

    @ArgGroup(exclusive = true)
    DueOptions due = new DueOptions();

    @Option(names = "--paid", defaultValue = "0", description = "share of orders paid shortly before their deadline")
    double paid;

    @Option(
            names = "--pay-lead",
            defaultValue = "1500ms",
            converter = PayLeadConverter.class,
            description = "how long before its deadline the buyer pays a paid order, at least 1s: the channel's "
                    + "trade expires at the whole second the deadline falls in; the trade itself is opened right after "
                    + "the order is created (default: ${DEFAULT-VALUE})")
    Duration payLead;

    @Option(
            names = "--grace",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "a close later than this after the deadline is late (default: ${DEFAULT-VALUE})")
    Duration grace;

    @Option(
            names = "--drain",
            defaultValue = "120s",
            converter = DurationConverter.class,
            description =
                    "how long after the last deadline plus grace to wait for late closes (default: ${DEFAULT-VALUE})")
    Duration drain;

    @Option(names = "--profile", description = "record a JFR profile of the server while orders close")
    boolean profile;

    @Option(
            names = "--products",
            defaultValue = "16",
            description = "SKUs the orders spread over (default: ${DEFAULT-VALUE})")
    int products;

    @Option(names = "--users", defaultValue = "1000", description = "distinct shoppers (default: ${DEFAULT-VALUE})")
    int users;

    @Override
    public Integer call() throws Exception {
        TimeoutPlan timeouts = due.plan();
        String described = due.description();
        CloseRun.Plan plan = new CloseRun.Plan(
                new OrderLoad.Settings(orders, rate, concurrency, timeouts, users),
                described,
                paid,
                payLead,
                grace,
                drain,
                products,
                profile);
        try (Target server = target.open()) {
            CloseRun run = new CloseRun(server, InstantSource.system());
            Report report =
                    run.execute("run --mode " + target.mode, plan, CloseRun.catalogue(server.api(), products, orders));
            report.section("workload").put("server", server.description());
            output.print(report);
            return CloseRun.exitCode(report);
        }
    }
}
