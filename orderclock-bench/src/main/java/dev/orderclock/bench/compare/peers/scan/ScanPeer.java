package dev.orderclock.bench.compare.peers.scan;

import dev.orderclock.bench.compare.OrdersTable;
import dev.orderclock.bench.compare.Peer;
import dev.orderclock.bench.compare.PeerContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The classic cron job: every {@code interval}, select the overdue unpaid orders through the
 * (status, deadline) index, a page at a time, and close each page. Scheduling an order costs nothing;
 * the interval is the lateness, and every run is a query whatever is due.
 */
public final class ScanPeer implements Peer {

    static final int PAGE = 1_000;

    private final Duration interval;
    private ScheduledExecutorService cron;

    public ScanPeer(Duration interval) {
        this.interval = interval;
    }

    @Override
    public String name() {
        return "scan every " + interval.toSeconds() + " s";
    }

    @Override
    public String configuration() {
        return "plain JDBC, one thread, fixed delay " + interval.toSeconds() + " s: SELECT id ... WHERE status = "
                + "'PENDING_PAYMENT' AND pay_deadline <= now ORDER BY pay_deadline LIMIT " + PAGE
                + " on an index (status, pay_deadline), then one conditional UPDATE per page, until a page is short";
    }

    @Override
    public void start(PeerContext context) {
        OrdersTable orders = context.orders();
        cron = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "scan-" + interval.toSeconds() + "s"));
        cron.scheduleWithFixedDelay(
                () -> scan(orders), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void scan(OrdersTable orders) {
        try {
            List<Long> due;
            do {
                due = orders.dueIds(PAGE);
                orders.close(due);
            } while (due.size() == PAGE);
        } catch (Exception e) {
            // A cron job logs and tries again next time; the next scan finds what this one left.
            System.err.println("[bench] scan failed, retrying next interval: " + e);
        }
    }

    @Override
    public void schedule(long orderId, Instant deadline) {
        // The row is the schedule: the next scan finds it.
    }

    @Override
    public void close() throws InterruptedException {
        if (cron != null) {
            cron.shutdownNow();
            cron.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
