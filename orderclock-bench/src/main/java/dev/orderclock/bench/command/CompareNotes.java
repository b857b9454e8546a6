package dev.orderclock.bench.command;

import dev.orderclock.bench.compare.CompareTable;
import dev.orderclock.bench.compare.Workload;
import dev.orderclock.bench.measurement.CloseObserver;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header and the notes of the {@code compare} table: the workload, the machine, and how each figure was taken. */
final class CompareNotes {

    private CompareNotes() {}

    /** The workload as the table's header gives it, with the systems and the machine they share. */
    static Map<String, Object> workload(Workload workload, List<String> systems) {
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

    /** The machine's load average as a run ends, and its cores. */
    static String loadAtTheEnd() {
        return String.format(
                Locale.ROOT,
                "load average at the end: %.2f (%d cores)",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** What every reader of the table must know: how each figure was taken and what it leaves out. */
    static void add(CompareTable table, List<String> systems) {
        table.note(
                loadAtTheEnd() + "; every system shares them with the bench's client threads and whatever else runs");
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
        if (systems.contains(CompareCommand.CLUSTER)) {
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
