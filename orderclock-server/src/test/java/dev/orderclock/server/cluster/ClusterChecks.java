package dev.orderclock.server.cluster;

import dev.orderclock.order.OrderId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invariants after a cluster run: every order closed once, never early, within grace plus a sweep
 * interval of its deadline or of the moment the system was back, one {@code order.closed} event each
 * in the outbox and on the exchange, and the stock whole.
 */
final class ClusterChecks {

    static final Duration GRACE = Duration.ofSeconds(5);
    /** engine.sweep-interval of the cluster profile (application-cluster.yml). */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);
    /** The sweep's own run and the test's polling, on two shared cores. */
    static final Duration SLACK = Duration.ofSeconds(1);

    private ClusterChecks() {}

    /** Waits for the last deadline to pass and everything to close, then checks; returns the figures. */
    static String assertAllClosedOnce(ClusterFixture cluster, Instant backAt, boolean exactlyOnceOnTheWire)
            throws Exception {
        Instant lastDeadline =
                cluster.acknowledged.values().stream().max(Instant::compareTo).orElseThrow();
        Instant allDue = lastDeadline.isAfter(backAt) ? lastDeadline : backAt;
        Duration bound = GRACE.plus(SWEEP_INTERVAL).plus(SLACK);
        try (Connection db = cluster.database()) {
            await("no order left pending")
                    .atMost(Duration.between(Instant.now(), allDue.plus(bound)).plusSeconds(1))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() ->
                            ClusterFixture.count(db, "SELECT COUNT(*) FROM orders WHERE status = 'PENDING_PAYMENT'")
                                    == 0);
            long closed = ClusterFixture.count(db, "SELECT COUNT(*) FROM orders WHERE status = 'CLOSED'");
            assertThat(orderIds(db))
                    .as("every acknowledged order is in the database")
                    .containsAll(cluster.acknowledged.keySet());
            assertThat(ClusterFixture.count(db, "SELECT COUNT(*) FROM orders WHERE status <> 'CLOSED'"))
                    .as("not closed")
                    .isZero();
            assertThat(ClusterFixture.count(db, "SELECT COUNT(*) FROM orders WHERE closed_at < pay_deadline"))
                    .as("closed before the deadline")
                    .isZero();
            // grouped once, not a subquery per order: the outbox has no index by order, and 30,000 orders made that
            // quadratic
            assertThat(ClusterFixture.count(
                            db,
                            "SELECT COUNT(*) FROM orders o LEFT JOIN (SELECT order_id, COUNT(*) AS closes "
                                    + "FROM order_events WHERE type = 'order.closed' GROUP BY order_id) e ON e.order_id = o.id "
                                    + "WHERE COALESCE(e.closes, 0) <> 1"))
                    .as("without exactly one order.closed row")
                    .isZero();
            assertThat(closedLaterThan(db, backAt, bound))
                    .as("closed later than %s after deadline or recovery at %s", bound, backAt)
                    .isZero();
            assertThat(ClusterFixture.count(db, "SELECT COUNT(*) FROM products WHERE available <> stock OR sold <> 0"))
                    .as("products whose stock did not all come back")
                    .isZero();

            await("every order.closed event on the exchange")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> cluster.closedEventsByOrder.size() == closed);
            assertThat(cluster.closedEventsByOrder.values())
                    .as("distinct order.closed events per order")
                    .allSatisfy(events -> assertThat(events.get()).isEqualTo(1));
            if (exactlyOnceOnTheWire) {
                // The relay is at least once: it publishes a batch again only after a failure it logs.
                // Without one, a duplicate on the wire is a bug; with one, the nodes' warnings say why.
                List<String> relayFailures = cluster.nodes.stream()
                        .flatMap(node -> node.logLines("event relay failed").stream())
                        .toList();
                if (relayFailures.isEmpty()) {
                    assertThat(cluster.closedMessages.get())
                            .as("order.closed messages received")
                            .isEqualTo(closed);
                } else {
                    System.out.printf(
                            "cluster: %d order.closed messages for %d events after relay failures:%n%s%n",
                            cluster.closedMessages.get(), closed, String.join("\n", relayFailures));
                }
            }
            return figures(db, closed) + "; " + sweptAndLate(cluster, db);
        }
    }

    private static String figures(Connection db, long closed) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag), percentile_cont(0.99) WITHIN GROUP (ORDER BY lag),
                       MAX(lag), EXTRACT(EPOCH FROM MAX(closed_at) - MIN(closed_at))
                  FROM (SELECT EXTRACT(EPOCH FROM closed_at - pay_deadline) * 1000 AS lag, closed_at FROM orders) t""");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return "%d closed over %.1f s; close lag p50 %.0f ms, p99 %.0f ms, max %.0f ms"
                    .formatted(closed, rows.getDouble(4), rows.getDouble(1), rows.getDouble(2), rows.getDouble(3));
        }
    }

    /**
     * How many the nodes' sweepers closed (from their logs, the killed node's too) and how many closed
     * more than a second late: the share the delay tiers did not deliver on time.
     */
    private static String sweptAndLate(ClusterFixture cluster, Connection db) throws SQLException {
        Pattern fired = Pattern.compile("sweeper fired (\\d+) overdue deadlines of payment-timeout");
        long swept = cluster.nodes.stream()
                .flatMap(node -> node.logLines("sweeper fired").stream())
                .map(fired::matcher)
                .filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1)))
                .sum();
        long late = ClusterFixture.count(
                db, "SELECT COUNT(*) FROM orders WHERE closed_at > pay_deadline + interval '1 second'");
        return "closed by a sweeper %d, more than 1 s late %d".formatted(swept, late);
    }

    private static long closedLaterThan(Connection db, Instant backAt, Duration bound) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("SELECT COUNT(*) FROM orders WHERE "
                + "closed_at > GREATEST(pay_deadline, ?) + make_interval(secs => ?)")) {
            statement.setObject(1, backAt.atOffset(ZoneOffset.UTC));
            statement.setDouble(2, bound.toMillis() / 1000.0);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Set<String> orderIds(Connection db) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement statement = db.prepareStatement("SELECT id FROM orders");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(OrderId.format(rows.getLong(1)));
            }
        }
        return ids;
    }
}
