package dev.orderclock.bench.compare;

import dev.orderclock.bench.measurement.CloseObserver;
import dev.orderclock.bench.measurement.PendingOrders;
import dev.orderclock.bench.measurement.Progress;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

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

    public Figures execute(String key, Peer peer, Workload workload) throws Exception {
        String schema = (runPrefix + "_" + key).replaceAll("[^A-Za-z0-9_]", "_").toLowerCase();
        createSchema(schema, workload);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(services.jdbcUrlFor(schema));
        pool.setUsername(services.postgresUser());
        pool.setPassword(services.postgresPassword());
        pool.setMaximumPoolSize(Math.max(10, workload.concurrency() + 4));
        pool.setPoolName("bench-" + key);
        StatementCountingDataSource counted;
        OrdersTable orders;
        TableStatistics before;
        Created created;
        Set<Long> paid = ConcurrentHashMap.newKeySet();
        Double heapMiB;
        CloseObserver observer;
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            counted = new StatementCountingDataSource(dataSource);
            orders = new OrdersTable(counted, clock, workload.products());
            before = statistics(schema);
            long heapBefore = liveHeap();
            ScheduledExecutorService payer = Executors.newScheduledThreadPool(2, daemon("bench-payer"));
            try (peer) {
                peer.start(new PeerContext(orders, services, schema, runPrefix + "." + key));
                // The observer's session is outside the counted data source: its statements are not the peer's.
                observer = new CloseObserver(new PendingOrders(connect(schema), () -> {}), clock);
                observer.start();
                try (Progress progress = Progress.of(key + " creating", () -> orders.closed() + " closed so far")) {
                    created = create(orders, peer, workload, payer, paid, observer);
                }
                heapMiB = (liveHeap() - heapBefore) / 1048576.0;
                analyze(schema);
                Progress.step(String.format(
                        "%s: created %,d orders at %,.0f/s (%,d failed)",
                        key, created.ids, created.perSecond(), created.failed.get()));
                awaitCloses(key, orders, created, paid, workload);
                payer.shutdownNow();
                observer.close();
            }
        }
        // The pool is closed: every backend has reported its counts to the statistics.
        TimeUnit.MILLISECONDS.sleep(1_500);
        TableStatistics measured = statistics(schema).since(before);
        Readback outcome = readback(schema, paid, workload.grace(), workload.products() * workload.stockEach());
        CloseObserver.Summary seen = observer.summary(outcome.closedIds);
        // One index scan per observer poll: the bench's, not the peer's.
        TableStatistics work = measured.withoutScans(seen.polls());
        if (!keepSchema) {
            dropSchema(schema);
        }
        return new Figures(
                peer.name(),
                peer.configuration(),
                workload.timeoutsDescription(),
                created.ids,
                created.perSecond(),
                outcome.closesPerSecond(),
                percentile(outcome.lag, 50),
                percentile(outcome.lag, 99),
                max(outcome.lag),
                percentile(seen.lagMs(), 50),
                percentile(seen.lagMs(), 99),
                max(seen.lagMs()),
                outcome.closed,
                outcome.missed,
                outcome.late,
                paid.size(),
                created.paymentsIntended.get(),
                outcome.paidClosed,
                orders.closed() - outcome.closed,
                outcome.stockConserved,
                counted.statements(),
                counted.commits(),
                work.scans(),
                work.rowsWritten(),
                Math.max(0, Math.round(heapMiB * 10) / 10.0),
                null,
                null,
                "first poll of its orders table (PostgreSQL, a session of its own) at which the order, due, no longer "
                        + "read PENDING_PAYMENT; " + seen.resolution() + ", " + seen.unobserved() + " closes not seen",
                created.failed.get() > 0
                        ? created.failed.get() + " creations failed: " + created.firstFailure.get()
                        : null);
    }

    private static Long percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? null : histogram.getValueAtPercentile(percentile);
    }

    private static Long max(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? null : histogram.getMaxValue();
    }

    /** What the creation phase did. */
    private record Created(
            long ids,
            Instant started,
            Instant finished,
            Instant lastDeadline,
            AtomicLong failed,
            AtomicReference<String> firstFailure,
            AtomicLong paymentsIntended) {
        double perSecond() {
            double seconds = Duration.between(started, finished).toNanos() / 1e9;
            return seconds > 0 ? ids / seconds : 0;
        }
    }

    private Created create(
            OrdersTable orders,
            Peer peer,
            Workload workload,
            ScheduledExecutorService payer,
            Set<Long> paid,
            CloseObserver observer)
            throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong intended = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicReference<Instant> lastDeadline = new AtomicReference<>(clock.instant());
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < workload.concurrency(); t++) {
            Thread thread = new Thread(
                    () -> {
                        long i;
                        while ((i = next.getAndIncrement()) < workload.orders()) {
                            pace(workload, startNanos, i);
                            Instant now = clock.instant();
                            // Whole milliseconds: Quartz's Date, a TTL and a delayed queue's score cannot hold finer.
                            Instant deadline = now.plusSeconds(
                                            workload.timeouts().secondsFor(now))
                                    .truncatedTo(ChronoUnit.MILLIS);
                            try {
                                long id = orders.createOrder(deadline);
                                observer.expect(id, deadline);
                                peer.schedule(id, deadline);
                                done.incrementAndGet();
                                lastDeadline.accumulateAndGet(deadline, (a, b) -> a.isAfter(b) ? a : b);
                                if (ThreadLocalRandom.current().nextDouble() < workload.paidShare()) {
                                    intended.incrementAndGet();
                                    long delay = Duration.between(clock.instant(), deadline.minus(workload.payLead()))
                                            .toMillis();
                                    payer.schedule(
                                            () -> pay(orders, id, paid), Math.max(0, delay), TimeUnit.MILLISECONDS);
                                }
                            } catch (Exception e) {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, e.toString());
                            }
                        }
                    },
                    "bench-peer-client-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Created(done.get(), started, clock.instant(), lastDeadline.get(), failed, firstFailure, intended);
    }

    private static void pace(Workload workload, long startNanos, long i) {
        if (workload.ratePerSecond() > 0) {
            long due = startNanos + (long) (i * 1e9 / workload.ratePerSecond());
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private static void pay(OrdersTable orders, long id, Set<Long> paid) {
        try {
            if (orders.pay(id)) {
                paid.add(id);
            }
        } catch (SQLException e) {
            // Not paid: the order stays pending and must close like any other.
        }
    }

    /** Until every order is closed or paid (counted in memory, no query), or the last deadline plus grace and drain. */
    private void awaitCloses(String key, OrdersTable orders, Created created, Set<Long> paid, Workload workload)
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

    /** The orders as they ended, judged from their own timestamps. */
    private record Readback(
            long closed,
            long missed,
            long late,
            long paidClosed,
            Boolean stockConserved,
            Histogram lag,
            List<Long> closedIds,
            Instant first,
            Instant last) {
        Double closesPerSecond() {
            if (closed < 2 || first == null) {
                return null;
            }
            double seconds = Duration.between(first, last).toMillis() / 1000.0;
            return seconds > 0 ? closed / seconds : (double) closed;
        }
    }

    private Readback readback(String schema, Set<Long> paid, Duration grace, long stockTotal) throws SQLException {
        Histogram lag = new Histogram(3);
        long closed = 0, missed = 0, late = 0, paidClosed = 0, stillReserved = 0;
        Instant first = null, last = null;
        List<Long> closedIds = new ArrayList<>();
        Instant now = clock.instant();
        try (Connection connection = connect();
                Statement select = connection.createStatement()) {
            select.execute("SET search_path TO " + schema);
            try (ResultSet row = select.executeQuery("SELECT id, status, pay_deadline, closed_at FROM orders")) {
                while (row.next()) {
                    String status = row.getString(2);
                    Instant deadline = row.getObject(3, OffsetDateTime.class).toInstant();
                    if ("CLOSED".equals(status)) {
                        closed++;
                        closedIds.add(row.getLong(1));
                        if (paid.contains(row.getLong(1))) {
                            paidClosed++;
                        }
                        Instant closedAt =
                                row.getObject(4, OffsetDateTime.class).toInstant();
                        long ms = Duration.between(deadline, closedAt).toMillis();
                        if (ms > grace.toMillis()) {
                            late++;
                        }
                        lag.recordValue(Math.max(0, ms));
                        first = first == null || closedAt.isBefore(first) ? closedAt : first;
                        last = last == null || closedAt.isAfter(last) ? closedAt : last;
                    } else {
                        stillReserved++;
                        if ("PENDING_PAYMENT".equals(status)
                                && deadline.plus(grace).isBefore(now)) {
                            missed++;
                        }
                    }
                }
            }
            // Stock is conserved when what is on the shelves plus what pending and paid orders hold is what was put
            // there.
            try (ResultSet row = select.executeQuery("SELECT sum(available) FROM stock")) {
                row.next();
                return new Readback(
                        closed,
                        missed,
                        late,
                        paidClosed,
                        row.getLong(1) + stillReserved == stockTotal,
                        lag,
                        closedIds,
                        first,
                        last);
            }
        }
    }

    private void createSchema(String schema, Workload workload) throws SQLException {
        try (Connection connection = connect();
                Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            ddl.execute("CREATE SCHEMA " + schema);
            ddl.execute("SET search_path TO " + schema);
            OrdersTable.create(connection, workload.products(), workload.stockEach());
        }
    }

    /** Autovacuum may be off: fresh planner statistics once the orders are in, as after any bulk load. */
    private void analyze(String schema) throws SQLException {
        try (Connection connection = connect();
                Statement analyze = connection.createStatement()) {
            analyze.execute("ANALYZE " + schema + ".orders");
        }
    }

    private void dropSchema(String schema) throws SQLException {
        try (Connection connection = connect();
                Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private TableStatistics statistics(String schema) throws SQLException {
        try (Connection connection = connect()) {
            return TableStatistics.read(connection, schema);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                services.postgresUrl(), services.postgresUser(), services.postgresPassword());
    }

    private Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(
                services.jdbcUrlFor(schema), services.postgresUser(), services.postgresPassword());
    }

    /** Live heap of this JVM after a full collection. */
    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
