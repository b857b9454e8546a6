package dev.orderclock.bench.command;

import dev.orderclock.bench.compare.StatementCountingDataSource;
import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.starter.Contender;
import dev.orderclock.bench.starter.ServerActivity;
import dev.orderclock.bench.starter.ShopTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code starter-idle}: what each contender asks of the database while {@code --pending} unpaid
 * orders wait and none is due: statements and commits a minute, counted at the JDBC boundary of the
 * contender's own data source (exact), and the database server's own counters over the same window
 * (server-wide, so they include whatever else the machine runs against it).
 */
@Command(
        name = "starter-idle",
        mixinStandardHelpOptions = true,
        description =
                "Starter vs scan-every-1-s on a shop's own table: statements per minute with many pending, none due.")
public final class StarterIdleCommand implements Callable<Integer> {

    @Mixin
    StarterOptions options;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--pending",
            defaultValue = "1000000",
            description = "unpaid orders seeded (default: ${DEFAULT-VALUE})")
    long pending;

    @Option(
            names = "--due-in",
            defaultValue = "1h",
            converter = DurationConverter.class,
            description =
                    "the first of them falls due this long after seeding, the rest over the hour after (default: ${DEFAULT-VALUE})")
    Duration dueIn;

    @Mixin
    QuietWindow quiet;

    @Override
    public Integer call() throws Exception {
        if (pending < 1) {
            throw new IllegalArgumentException("--pending must be at least 1");
        }
        quiet.requirePositive();
        if (dueIn.compareTo(quiet.settle.plus(quiet.window).plusSeconds(60)) < 0) {
            throw new IllegalArgumentException(
                    "--due-in must leave a minute after --settle + --window: nothing may fall due");
        }
        options.validate();
        Report report = new Report("starter-idle --pending " + pending);
        for (ShopTable.Database database : options.databases()) {
            try (ShopTable shop = ShopTable.create(database)) {
                shop.reset();
                Instant started = Instant.now();
                try (Progress progress =
                        Progress.of("seeding " + pending + " orders (" + shop.description() + ")", () -> "")) {
                    shop.seed(pending, Instant.now().plus(dueIn), Duration.ofHours(1));
                }
                double seedSeconds = Duration.between(started, Instant.now()).toNanos() / 1e9;
                for (Contender contender : options.contenders()) {
                    Map<String, Object> figures = report.section(database.label() + ", " + contender.name());
                    figures.put("database", shop.description());
                    figures.put("pending", pending);
                    figures.put("seedAndAnalyzeSeconds", seedSeconds);
                    StatementCountingDataSource counting = new StatementCountingDataSource(shop.dataSource());
                    try (contender;
                            ServerActivity server = ServerActivity.of(shop)) {
                        contender.start(shop, counting);
                        QuietWindow.Counted<Counters> counted = quiet.count(
                                contender.name() + " on " + database.label(),
                                () -> new Counters(counting.statements(), counting.commits(), server.snapshot()));
                        Counters before = counted.before();
                        Counters after = counted.after();
                        figures.put("statementsPerMinute", quiet.perMinute(after.statements() - before.statements()));
                        figures.put("commitsPerMinute", quiet.perMinute(after.commits() - before.commits()));
                        Map<String, Object> serverWide = new LinkedHashMap<>();
                        after.server()
                                .forEach((name, value) -> serverWide.put(
                                        name + " per minute",
                                        quiet.perMinute(value - before.server().getOrDefault(name, 0L))));
                        figures.put("server-wide counters (shared with everything else on it)", serverWide);
                    }
                    System.err.println("[bench] " + database.label() + ", " + contender.name() + ": " + figures);
                    if (shop.pending() != pending) {
                        report.note(database.label() + ", " + contender.name()
                                + ": an order closed during the idle window");
                    }
                }
            }
        }
        report.note(
                "statements/commits per minute are counted at the JDBC boundary of the contender's data source;"
                        + " the server-wide counters also count other clients of the same server and the bench's own two reads.");
        output.print(report);
        return 0;
    }

    /** What the contender's data source and the database server counted so far. */
    private record Counters(long statements, long commits, Map<String, Long> server) {}
}
