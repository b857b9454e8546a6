package dev.orderclock.bench.command;

import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.measurement.StatementCounter;
import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.server.ServerDatabase;
import dev.orderclock.bench.server.ServerProcess;
import dev.orderclock.bench.workload.OrderApi;
import dev.orderclock.bench.workload.Seeder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code scale}: for each number of pending orders, a fresh data directory is seeded, the server
 * started on it, and its start time, live heap, RSS, deadlines in memory and idle statements read.
 * Heap should stay flat as the pending count grows; it follows the deadlines due within the horizon.
 */
@Command(
        name = "scale",
        mixinStandardHelpOptions = true,
        description = "Server heap, RSS, start time and idle statements against the number of pending orders.")
public final class ScaleCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--pending",
            split = ",",
            defaultValue = "100000,1000000",
            description = "pending order counts, one server each (default: ${DEFAULT-VALUE})")
    List<Long> pending;

    @Option(
            names = "--due-from",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "first deadline from the seeding (default: ${DEFAULT-VALUE}: none inside the 60 s horizon)")
    Duration dueFrom;

    @Option(
            names = "--spread",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "deadlines uniform over this long after --due-from (default: ${DEFAULT-VALUE})")
    Duration spread;

    @Option(
            names = "--overdue",
            defaultValue = "100000",
            description = "orders seeded already overdue besides the pending ones: the backlog the engine closes "
                    + "when it starts, as after a restart (default: ${DEFAULT-VALUE}; 0 for none)")
    long overdue;

    @Mixin
    QuietWindow quiet;

    @Override
    public Integer call() throws Exception {
        target.requireEmbedded("scale");
        quiet.requirePositive();
        if (target.url != null) {
            throw new IllegalArgumentException("scale starts its own servers; --url does not apply");
        }
        Report report = new Report("scale --mode " + target.mode);
        Map<String, Object> workload = report.section("workload");
        workload.put("server", target.jar + " -Xmx" + target.heap);
        workload.put(
                "deadlines",
                "uniform over " + spread.toMinutes() + " min starting " + dueFrom.toMinutes() + " min after seeding");
        Path root = target.dataDir != null ? target.dataDir : Files.createTempDirectory("orderclock-scale-");
        try {
            for (long count : pending) {
                measure(report, root.resolve("pending-" + count), count);
            }
        } finally {
            if (target.dataDir == null && !target.keepData) {
                Target.deleteTree(root);
            }
        }
        output.print(report);
        return 0;
    }

    private void measure(Report report, Path dir, long count) throws Exception {
        Target.deleteTree(dir);
        ServerDatabase database = ServerDatabase.of(dir, target.jar);
        Map<String, Object> figures = report.section(String.format("pending %,d", count));
        Duration seeded = Seeding.seed(
                target.settings(), database, new Seeder.Settings(count, 16, dueFrom, spread, 1000, "CNY", false));
        figures.put("seedSeconds", seeded.toMillis() / 1000.0);
        figures.put("databaseFileMiB", Files.size(dir.resolve("orderclock.mv.db")) / 1048576);
        String token = TargetOptions.newToken();
        Progress.step(String.format("starting the server on %,d pending orders", count));
        try (ServerProcess server = ServerProcess.start(target.settings(), database, token)) {
            figures.put("startToHealthyMs", server.startedIn().toMillis());
            Target running = new Target(
                    new OrderApi(server.baseUri(), token), "pid " + server.pid(), null, database, server.pid(), null);
            StatementCounter.Issued issued = quiet.statements(database);
            figures.put("statementsPerMinute", issued.perMinute());
            figures.put("commitStatementsPerMinute", issued.commitsPerMinute());
            figures.put("statementsTop", issued.top(4));
            ServerFigures.memory(report, figures, running);
            ServerFigures.stats(report, figures, running.api());
        }
        if (overdue > 0) {
            restartOnABacklog(database, figures);
        }
    }

    /**
     * With the server stopped, adds {@code overdue} orders due one to two minutes before, at random
     * (a restart after an outage), starts it again and reads how long its engine took to close them.
     * Apart from the pending figures: closing scattered rows fills H2's page cache, which is not what
     * the heap figure is about.
     */
    private void restartOnABacklog(ServerDatabase database, Map<String, Object> figures) throws Exception {
        Seeding.seed(
                target.settings(),
                database,
                new Seeder.Settings(overdue, 16, Duration.ofMinutes(-2), Duration.ofMinutes(1), 1000, "CNY", true));
        Progress.step(String.format("restarting the server on a backlog of %,d overdue orders", overdue));
        try (ServerProcess server = ServerProcess.start(target.settings(), database, TargetOptions.newToken())) {
            figures.put("restartOnBacklogToHealthyMs", server.startedIn().toMillis());
            EngineStart.read(server.log()).ifPresent(start -> {
                figures.put("backlogClosedAtStart", start.backlog());
                figures.put("engineStartMs", start.millis());
                figures.put("backlogClosesPerSecond", start.backlogPerSecond());
            });
        }
    }
}
