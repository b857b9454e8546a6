package dev.orderclock.bench.command;

import dev.orderclock.bench.compare.CompareTable;
import dev.orderclock.bench.compare.Figures;
import dev.orderclock.bench.compare.PeerContext;
import dev.orderclock.bench.compare.PeerRun;
import dev.orderclock.bench.compare.Peers;
import dev.orderclock.bench.compare.Workload;
import dev.orderclock.bench.measurement.CloseObserver;
import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.workload.OrderLoad;
import dev.orderclock.bench.workload.TimeoutPlan;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

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

    @Option(names = "--rate", defaultValue = "0", description = "orders per second, 0 = as fast as they go")
    double rate;

    @Option(names = "--concurrency", defaultValue = "8", description = "client threads (default: ${DEFAULT-VALUE})")
    int concurrency;

    @ArgGroup(exclusive = true)
    DueOptions due = new DueOptions();

    @Option(
            names = "--paid",
            defaultValue = "0.1",
            description = "share of orders paid shortly before their deadline (default: ${DEFAULT-VALUE})")
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
            defaultValue = "90s",
            converter = DurationConverter.class,
            description =
                    "how long after the last deadline plus grace to wait for late closes (default: ${DEFAULT-VALUE})")
    Duration drain;

    @Option(
            names = "--products",
            defaultValue = "16",
            description = "SKUs the orders spread over (default: ${DEFAULT-VALUE})")
    int products;

    @Option(
            names = "--peers",
            split = ",",
            description = "systems to run, in order (default: orderclock and every peer: "
                    + "orderclock, orderclock-cluster (one node in cluster mode on --postgres and --rabbitmq), scan-1s, scan-60s, rabbitmq-ttl, rabbitmq-ttl-other, db-scheduler, db-scheduler-lock-and-fetch, "
                    + "quartz, redisson, hashed-wheel)")
    List<String> peers;

    @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379", description = "(default: ${DEFAULT-VALUE})")
    URI redis;

    @Option(names = "--keep-schemas", description = "keep the peers' PostgreSQL schemas for a look afterwards")
    boolean keepSchemas;

    @Override
    public Integer call() throws Exception {
        Workload workload = workload();
        List<String> systems = peers == null || peers.isEmpty() ? allSystems() : peers;
        systems.stream().filter(s -> !s.equals(EMBEDDED) && !s.equals(CLUSTER)).forEach(Peers::named);
        CompareTable table = new CompareTable(describe(workload, systems));
        String runPrefix =
                "ocbench_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
        PeerRun peerRun = new PeerRun(
                new PeerContext.Services(
                        target.services.postgresUrl,
                        target.services.postgresUser,
                        target.services.postgresPassword,
                        target.services.rabbit,
                        redis),
                runPrefix,
                InstantSource.system(),
                keepSchemas);
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
            var peer = entry.create().get();
            try {
                Figures figures = peerRun.execute(system, peer, own);
                // The two RabbitMQ rows differ only in their deadlines: say which in the row's name.
                table.add(
                        system.startsWith("rabbitmq")
                                ? figures.named(peer.name() + " (" + own.timeoutsDescription() + ")")
                                : figures);
                peer.finding().ifPresent(finding -> table.note(peer.name() + ": " + finding));
            } catch (Exception e) {
                Progress.step(system + " failed: " + e);
                table.add(Figures.failed(peer.name(), peer.configuration(), own.timeoutsDescription(), e.toString()));
            }
        }
        notes(table, systems);
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
        TimeoutPlan timeouts = due.plan();
        String described = due.description();
        return new Workload(orders, concurrency, rate, timeouts, described, paid, payLead, grace, drain, products);
    }

    /**
     * The other kind of deadlines for the second RabbitMQ row: mixed (uniform 1 s to twice the
     * timeout) when the workload's are equal, equal (half the spread) when they are mixed.
     */
    private Workload otherDeadlines(Workload workload) {
        if (due.isSpread()) {
            Duration half = Duration.ofSeconds(Math.max(1, due.spread.toSeconds() / 2));
            return workload.withTimeouts(TimeoutPlan.fixed(half), "fixed " + half.toSeconds() + " s");
        }
        Duration timeout = due.fixedTimeout();
        Duration twice = Duration.ofSeconds(Math.max(2, timeout.toSeconds() * 2));
        return workload.withTimeouts(TimeoutPlan.spread(twice), "uniform 1.." + twice.toSeconds() + " s");
    }

    /**
     * orderclock through the same path as {@code run}: its real jar, HTTP, its own database's
     * statistics; embedded, or one node in cluster mode on the peers' PostgreSQL and RabbitMQ.
     */
    private Figures orderclock(Workload workload, CompareTable table, boolean cluster) throws Exception {
        CloseRun.Plan plan = new CloseRun.Plan(
                new OrderLoad.Settings(
                        workload.orders(), workload.ratePerSecond(), workload.concurrency(), workload.timeouts(), 1000),
                workload.timeoutsDescription(),
                workload.paidShare(),
                workload.payLead(),
                workload.grace(),
                workload.drain(),
                workload.products(),
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

    private Map<String, Object> describe(Workload workload, List<String> systems) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("orders", workload.orders());
        described.put("deadlines", workload.timeoutsDescription());
        described.put(
                "rate",
                workload.ratePerSecond() > 0
                        ? workload.ratePerSecond() + "/s"
                        : "as fast as " + workload.concurrency() + " client threads go");
        described.put(
                "paid",
                String.format(
                        Locale.ROOT,
                        "%.0f %% of orders, trade opened at creation, paid %d ms " + "before their deadline",
                        workload.paidShare() * 100,
                        workload.payLead().toMillis()));
        described.put("grace", workload.grace().toSeconds() + " s (a close later than this is late)");
        described.put(
                "missed", "still pending " + workload.drain().toSeconds() + " s after the last deadline plus grace");
        described.put("products", workload.products());
        described.put("systems", String.join(", ", systems));
        described.put(
                "machine",
                String.format(
                        Locale.ROOT,
                        "%d cores, load average %.2f at the start, %s %s",
                        Runtime.getRuntime().availableProcessors(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.version")));
        return described;
    }

    private static void notes(CompareTable table, List<String> systems) {
        table.note(String.format(
                Locale.ROOT,
                "load average at the end: %.2f (%d cores); every system shares them with "
                        + "the bench's client threads and whatever else runs",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        table.note("orderclock is its real server jar in embedded mode (H2 file, local wheel), orders created through "
                + "its HTTP API; the peers are libraries in the bench's JVM, orders created by plain JDBC into PostgreSQL "
                + "(one transaction: reserve stock, insert the order), then handed to the peer. So created/s compares an "
                + "HTTP service with an in-process call, and the database differs (H2 vs PostgreSQL).");
        table.note("statements: orderclock's as H2 counts them (INFORMATION_SCHEMA.QUERY_STATISTICS, COMMITs apart); "
                + "a peer's at the JDBC boundary of its data source (every execute call, a batch counting once), "
                + "including the order inserts, the payments and the closes. pg scans / rows written: PostgreSQL's "
                + "pg_stat_user_tables (seq_scan + idx_scan, n_tup_ins + n_tup_upd + n_tup_del) for the peer's own schema; "
                + "RabbitMQ and Redis work is not counted.");
        table.note("heap: orderclock's server heap after a full GC at the end of the run, whole process (RSS too); a "
                + "peer's is how much the bench JVM's live heap grew from before the peer started to the moment every "
                + "order had been created (all pending), which is what that peer holds in this JVM per pending order; "
                + "what RabbitMQ and Redis hold is not counted.");
        table.note(
                "seen (observed lag): one outside observer for every row, a session of its own polling the "
                        + "system's own orders table (orderclock embedded: its H2 file over AUTO_SERVER, queries left out of the "
                        + "statement count; cluster and peers: PostgreSQL, its transactions and index scans left out of the "
                        + "figures) for the orders due by then that still read PENDING_PAYMENT, every "
                        + CloseObserver.INTERVAL.toMillis()
                        + " ms after its previous answer. An order due and no longer among "
                        + "them has been committed closed where any session sees it; its seen lag runs from its deadline to that "
                        + "answer. For every peer this is the same table the shop reads, whatever the peer fires from (a queue, "
                        + "Redis, a wheel): the close is the same conditional update. Not the order.closed event: the SSE stream "
                        + "and the RabbitMQ exchange exist only for orderclock, and a poll of the table serves all rows alike.");
        table.note("swept: orderclock_sweeper_claimed_total over the run (scraped from /actuator/prometheus with the "
                + "operator token): deadlines closed by the safety net because no timer had, 0 in a run without faults; "
                + "n/a for the peers, which have no such net.");
        table.note("every close, for every peer, is the same conditional update (still PENDING_PAYMENT and due), which "
                + "returns the stock in the same transaction; so a paid order can only be closed by a bug in the harness, "
                + "and a timer that fires early closes nothing and its order shows as missed.");
        if (systems.contains(CLUSTER)) {
            table.note("orderclock (cluster, 1 node) is the same jar with --spring.profiles.active=cluster on a fresh "
                    + "PostgreSQL database and RabbitMQ queue prefix of its own (dropped after): deadlines go through the "
                    + "RabbitMQ delay tiers, so it runs on the same services as the peers. Its commits are PostgreSQL's "
                    + "transactions in that database (pg_stat_database: creation, payments, closes, outbox relay, sweeper); "
                    + "statements only when pg_stat_statements is preloaded; pg scans and rows written as for the peers; "
                    + "closed twice counts orders with more than one order.closed event. Broker messages per order are in "
                    + "`run --mode cluster`'s report, not in this table.");
        }
        if (systems.contains("rabbitmq-ttl-other")) {
            table.note(
                    "the second RabbitMQ row runs the other kind of deadlines (mixed when the workload's are equal): "
                            + "RabbitMQ expires a message only at the head of its queue, so mixed TTLs in one queue are closed late "
                            + "behind longer ones (head-of-line blocking); its ratios are against orderclock on the workload's deadlines.");
        }
    }
}
