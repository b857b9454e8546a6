package dev.orderclock.bench.command;

import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.server.ServerDatabase;
import dev.orderclock.bench.workload.Catalogue;
import dev.orderclock.bench.workload.OrderLoad;
import dev.orderclock.bench.workload.TimeoutPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code idle}: the database load of a server holding many pending orders of which none is due, from
 * H2's own statement statistics over a quiet window: what a scanning cron job would make heavy.
 */
@Command(
        name = "idle",
        mixinStandardHelpOptions = true,
        description = "Database statements per minute while many orders are pending and none is due.")
public final class IdleCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--pending",
            defaultValue = "100000",
            description =
                    "pending orders to create through the API first, 0 = use what is there (default: ${DEFAULT-VALUE})")
    long pending;

    @Option(
            names = "--due-in",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "their pay timeout (default: ${DEFAULT-VALUE})")
    Duration dueIn;

    @Option(names = "--concurrency", defaultValue = "8", description = "client threads (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Mixin
    QuietWindow quiet;

    @Override
    public Integer call() throws Exception {
        target.requireEmbedded("idle");
        quiet.requirePositive();
        InstantSource clock = InstantSource.system();
        Report report = new Report("idle --mode " + target.mode);
        try (Target server = target.open()) {
            Map<String, Object> workload = report.section("workload");
            workload.put("server", server.description());
            if (pending > 0) {
                Catalogue catalogue = CloseRun.catalogue(server.api(), 16, pending);
                OrderLoad load = new OrderLoad(server.api(), catalogue, clock);
                OrderLoad.Result created;
                try (Progress progress = Progress.of("creating", () -> load.done() + "/" + pending)) {
                    created = load.run(
                            new OrderLoad.Settings(pending, 0, concurrency, TimeoutPlan.fixed(dueIn), 1000),
                            order -> {});
                }
                workload.put("pendingCreated", (long) created.created().size());
                workload.put("createdPerSecond", created.perSecond());
                workload.put("payTimeoutSeconds", dueIn.toSeconds());
            }
            Optional<ServerDatabase> database = server.database();
            if (database.isEmpty()) {
                report.note("statements not counted: the bench needs the server's --data-dir");
                output.print(report);
                return 1;
            }
            ServerFigures.statements(report.section("database while none is due"), quiet.statements(database.get()));
            ServerFigures.memory(report, report.section("server"), server);
            ServerFigures.stats(report, report.section("server"), server.api());
        }
        output.print(report);
        return 0;
    }
}
