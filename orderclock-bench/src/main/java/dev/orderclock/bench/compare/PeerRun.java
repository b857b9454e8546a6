package dev.orderclock.bench.compare;

import dev.orderclock.bench.measurement.CloseObserver;
import dev.orderclock.bench.measurement.PendingOrders;
import dev.orderclock.bench.measurement.Progress;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One peer through one workload, end to end: a fresh schema with the orders table, the peer
 * started, the orders created (and some paid) from client threads, a wait until every order is
 * closed or paid, then the figures read from the database and the orders' own timestamps.
 */
public final class PeerRun {

    private final PeerContext.Services services;
    private final String runPrefix;
    private final InstantSource clock;
    private final boolean keepSchema;

    public PeerRun(PeerContext.Services services, String runPrefix, InstantSource clock, boolean keepSchema) {
        this.services = services;
        this.runPrefix = runPrefix;
        this.clock = clock;
        this.keepSchema = keepSchema;
    }

    /** A run whose schemas and names outside PostgreSQL share a fresh random prefix. */
    public static PeerRun fresh(PeerContext.Services services, InstantSource clock, boolean keepSchema) {
        String runPrefix =
                "ocbench_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
        return new PeerRun(services, runPrefix, clock, keepSchema);
    }

    /**
     * The row of {@code key}'s peer through {@code workload}, its finding a note of {@code table}; a
     * run that throws is a failed row, said on the progress log too.
     */
    public Figures row(String key, Peers.Entry entry, Workload workload, CompareTable table) {
        Peer peer = entry.create().get();
        try {
            Figures figures = execute(key, peer, workload);
            peer.finding().ifPresent(finding -> table.note(peer.name() + ": " + finding));
            return figures;
        } catch (Exception e) {
            Progress.step(key + " failed: " + e);
            return Figures.failed(peer.name(), peer.configuration(), workload.timeoutsDescription(), e.toString());
        }
    }

    public Figures execute(String key, Peer peer, Workload workload) throws Exception {
        PeerSchema schema = new PeerSchema(
                services,
                (runPrefix + "_" + key).replaceAll("[^A-Za-z0-9_]", "_").toLowerCase());
        schema.create(workload.products(), workload.stockEach());
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(services.jdbcUrlFor(schema.name()));
        pool.setUsername(services.postgresUser());
        pool.setPassword(services.postgresPassword());
        pool.setMaximumPoolSize(Math.max(10, workload.concurrency() + 4));
        pool.setPoolName("bench-" + key);
        StatementCountingDataSource counted;
        OrdersTable orders;
        TableStatistics before;
        OrderCreation.Result created;
        Set<Long> paid = ConcurrentHashMap.newKeySet();
        Double heapMiB;
        CloseObserver observer;
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            counted = new StatementCountingDataSource(dataSource);
            orders = new OrdersTable(counted, clock, workload.products());
            before = schema.statistics();
            long heapBefore = liveHeap();
            ScheduledExecutorService payer = Executors.newScheduledThreadPool(2, daemon("bench-payer"));
            try (peer) {
                peer.start(new PeerContext(orders, services, schema.name(), runPrefix + "." + key));
                // The observer's session is outside the counted data source: its statements are not the peer's.
                observer = new CloseObserver(new PendingOrders(schema.session(), () -> {}), clock);
                observer.start();
                try (Progress progress = Progress.of(key + " creating", () -> orders.closed() + " closed so far")) {
                    created = new OrderCreation(orders, clock, payer, paid).run(peer, workload, observer);
                }
                heapMiB = (liveHeap() - heapBefore) / 1048576.0;
                schema.analyze();
                Progress.step(String.format(
                        "%s: created %,d orders at %,.0f/s (%,d failed)",
                        key,
                        created.ids(),
                        created.perSecond(),
                        created.failed().get()));
                awaitCloses(key, orders, created, paid, workload);
                payer.shutdownNow();
                observer.close();
            }
        }
        // The pool is closed: every backend has reported its counts to the statistics.
        TimeUnit.MILLISECONDS.sleep(1_500);
        TableStatistics measured = schema.statistics().since(before);
        OrdersReadback outcome;
        try (var session = schema.session()) {
            outcome = OrdersReadback.read(
                    session, paid, workload.grace(), workload.products() * workload.stockEach(), clock.instant());
        }
        CloseObserver.Summary seen = observer.summary(outcome.closedIds());
        // One index scan per observer poll: the bench's, not the peer's.
        TableStatistics work = measured.withoutScans(seen.polls());
        if (!keepSchema) {
            schema.drop();
        }
        return new Figures(
                peer.name(),
                peer.configuration(),
                workload.timeoutsDescription(),
                created.ids(),
                created.perSecond(),
                outcome.closesPerSecond(),
                outcome.firstToLastMs(),
                percentile(outcome.lag(), 50),
                percentile(outcome.lag(), 99),
                max(outcome.lag()),
                percentile(seen.lagMs(), 50),
                percentile(seen.lagMs(), 99),
                max(seen.lagMs()),
                outcome.closed(),
                outcome.missed(),
                outcome.late(),
                paid.size(),
                created.paymentsIntended().get(),
                outcome.paidClosed(),
                orders.closed() - outcome.closed(),
                outcome.stockConserved(),
                counted.statements(),
                counted.commits(),
                work.scans(),
                work.rowsWritten(),
                Math.max(0, Math.round(heapMiB * 10) / 10.0),
                null,
                null,
                "first poll of its orders table (PostgreSQL, a session of its own) at which the order, due, no longer "
                        + "read PENDING_PAYMENT; " + seen.resolution() + ", " + seen.unobserved() + " closes not seen",
                created.failed().get() > 0
                        ? created.failed().get() + " creations failed: "
                                + created.firstFailure().get()
                        : null);
    }

    private static Long percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? null : histogram.getValueAtPercentile(percentile);
    }

    private static Long max(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? null : histogram.getMaxValue();
    }

    /** Until every order is closed or paid (counted in memory, no query), or the last deadline plus grace and drain. */
    private void awaitCloses(
            String key, OrdersTable orders, OrderCreation.Result created, Set<Long> paid, Workload workload)
            throws InterruptedException {
        Instant giveUp = created.lastDeadline().plus(workload.grace()).plus(workload.drain());
        try (Progress progress = Progress.of(
                key + " closing",
                () -> String.format("%,d of %,d closed, %,d paid", orders.closed(), created.ids(), paid.size()))) {
            while (orders.closed() + paid.size() < created.ids()
                    && clock.instant().isBefore(giveUp)) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** Live heap of this JVM after a full collection. */
    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
