package dev.orderclock.bench.command;

import dev.orderclock.bench.compare.CompareTable;
import dev.orderclock.bench.compare.Figures;
import dev.orderclock.bench.compare.PeerRun;
import dev.orderclock.bench.compare.Peers;
import dev.orderclock.bench.compare.Workload;
import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.workload.OrderLoad;
import dev.orderclock.bench.workload.TimeoutPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code compare}: one workload through orderclock (its real server jar) and then through each peer
 * (a library in this JVM, on the local PostgreSQL, RabbitMQ and Redis), one after the other, in one
 * table with every figure's ratio to orderclock's.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "The same close workload through orderclock and through the classic approaches and libraries.",
            "Exit code 0 when every system ran, closed no paid order and none twice, kept the stock, and the first "
                    + "system (orderclock) missed no close; a peer too slow to close everything is reported, not an error."
        })
public final class CompareCommand implements Callable<Integer> {

    /** The {@code --peers} keys of orderclock's own rows. */
    static final String EMBEDDED = "orderclock";

    static final String CLUSTER = "orderclock-cluster";
    private static final String CLUSTER_ROW = "orderclock (cluster, 1 node)";

    @Mixin
    TargetOptions target;

    @Option(names = "--json", description = "print the table as one JSON object")
    boolean json;

    @Option(names = "--orders", defaultValue = "5000", description = "orders per system (default: ${DEFAULT-VALUE})")
    long orders;

    @Mixin
    LoadOptions load = new LoadOptions(0.1);

    @Mixin
    CloseOptions close = new CloseOptions(Duration.ofSeconds(90));

    @Option(
            names = "--peers",
            split = ",",
            description = "systems to run, in order (default: orderclock and every peer: "
                    + "orderclock, orderclock-cluster (one node in cluster mode on --postgres and --rabbitmq), scan-1s, scan-60s, rabbitmq-ttl, rabbitmq-ttl-other, db-scheduler, db-scheduler-lock-and-fetch, "
                    + "quartz, redisson, hashed-wheel)")
    List<String> peers;

    @Mixin
    PeerOptions peerOptions;

    @Override
    public Integer call() throws Exception {
        Workload workload = workload();
        List<String> systems = peers == null || peers.isEmpty() ? allSystems() : peers;
        systems.stream().filter(s -> !s.equals(EMBEDDED) && !s.equals(CLUSTER)).forEach(Peers::named);
        CompareTable table = new CompareTable(CompareNotes.workload(workload, systems));
        PeerRun peerRun = peerOptions.peerRun(target.services);
        for (String system : systems) {
            Progress.step("== " + system);
            if (system.equals(EMBEDDED) || system.equals(CLUSTER)) {
                boolean cluster = system.equals(CLUSTER);
                try {
                    table.add(orderclock(workload, table, cluster));
                } catch (Exception e) {
                    Progress.step(system + " failed: " + e);
                    table.add(Figures.failed(
                            cluster ? CLUSTER_ROW : "orderclock (embedded)",
                            "its server jar " + target.jar,
                            workload.timeoutsDescription(),
                            e.toString()));
                }
                continue;
            }
            Peers.Entry entry = Peers.named(system);
            Workload own = entry.otherDeadlines() ? otherDeadlines(workload) : workload;
            Figures figures = peerRun.row(system, entry, own, table);
            // The two RabbitMQ rows differ only in their deadlines: say which in the row's name.
            table.add(
                    system.startsWith("rabbitmq") && figures.failure() == null
                            ? figures.named(figures.system() + " (" + own.timeoutsDescription() + ")")
                            : figures);
        }
        CompareNotes.add(table, systems);
        if (json) {
            table.printJson(System.out);
        } else {
            table.printText(System.out);
        }
        System.out.flush();
        return table.trustworthy() ? 0 : 1;
    }

    private static List<String> allSystems() {
        List<String> all = new ArrayList<>();
        all.add(EMBEDDED);
        all.add(CLUSTER);
        all.addAll(Peers.keys());
        return all;
    }

    private Workload workload() {
        return new Workload(
                orders,
                close.concurrency,
                load.rate,
                load.due.plan(),
                load.due.description(),
                load.paid,
                load.payLead,
                close.grace,
                close.drain,
                close.products);
    }

    /**
     * The other kind of deadlines for the second RabbitMQ row: mixed (uniform 1 s to twice the
     * timeout) when the workload's are equal, equal (half the spread) when they are mixed.
     */
    private Workload otherDeadlines(Workload workload) {
        if (load.due.isSpread()) {
            Duration half = Duration.ofSeconds(Math.max(1, load.due.spread.toSeconds() / 2));
            return workload.withTimeouts(TimeoutPlan.fixed(half), "fixed " + half.toSeconds() + " s");
        }
        Duration timeout = load.due.fixedTimeout();
        Duration twice = Duration.ofSeconds(Math.max(2, timeout.toSeconds() * 2));
        return workload.withTimeouts(TimeoutPlan.spread(twice), "uniform 1.." + twice.toSeconds() + " s");
    }

    /**
     * orderclock through the same path as {@code run}: its real jar, HTTP, its own database's
     * statistics; embedded, or one node in cluster mode on the peers' PostgreSQL and RabbitMQ.
     */
    private Figures orderclock(Workload workload, CompareTable table, boolean cluster) throws Exception {
        CloseRun.Plan plan = close.plan(
                new OrderLoad.Settings(
                        workload.orders(), workload.ratePerSecond(), workload.concurrency(), workload.timeouts(), 1000),
                workload.timeoutsDescription(),
                workload.paidShare(),
                workload.payLead(),
                false);
        String row = cluster ? CLUSTER : EMBEDDED;
        try (Target server = cluster ? target.openCluster(1) : target.open()) {
            Report report = new CloseRun(server, InstantSource.system())
                    .execute(
                            "compare: " + row,
                            plan,
                            CloseRun.catalogue(server.api(), workload.products(), workload.orders()));
            Map<String, Object> close = report.section("close");
            if (close.get("paymentsRefusedOrFailed") instanceof Long refused && refused > 0) {
                table.note(String.format(
                        Locale.ROOT,
                        "%s: %d of %s intended payments did not go through (trade not "
                                + "opened %s, refused by the channel %s, unanswered %s)",
                        row,
                        refused,
                        close.get("paymentsIntended"),
                        close.get("paymentsTradeNotOpened"),
                        close.get("paymentsRefusedByChannel"),
                        close.get("paymentsUnanswered")));
            }
            if (report.asMap().get("notes") instanceof List<?> notes) {
                notes.forEach(note -> table.note(row + ": " + note));
            }
            if (cluster) {
                return OrderclockFigures.from(
                        report,
                        CLUSTER_ROW,
                        "its server jar, " + server.description()
                                + ", RabbitMQ delay tiers, engine defaults; orders created through POST /api/orders, paid "
                                + "through its simulated channel",
                        workload.timeoutsDescription());
            }
            return OrderclockFigures.from(report, server.description(), workload.timeoutsDescription());
        }
    }
}
