package dev.orderclock.bench.command;

import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.workload.OrderLoad;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    LoadOptions load = new LoadOptions();

    @Mixin
    CloseOptions close = new CloseOptions();

    @Option(names = "--profile", description = "record a JFR profile of the server while orders close")
    boolean profile;

    @Option(names = "--users", defaultValue = "1000", description = "distinct shoppers (default: ${DEFAULT-VALUE})")
    int users;

    @Override
    public Integer call() throws Exception {
        CloseRun.Plan plan = close.plan(
                new OrderLoad.Settings(orders, load.rate, close.concurrency, load.due.plan(), users),
                load.due.description(),
                load.paid,
                load.payLead,
                profile);
        try (Target server = target.open()) {
            CloseRun run = new CloseRun(server, InstantSource.system());
            Report report = run.execute(
                    "run --mode " + target.mode, plan, CloseRun.catalogue(server.api(), close.products, orders));
            report.section("workload").put("server", server.description());
            output.print(report);
            return CloseRun.exitCode(report);
        }
    }
}
