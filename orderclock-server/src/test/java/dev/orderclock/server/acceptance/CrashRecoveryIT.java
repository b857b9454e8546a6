package dev.orderclock.server.acceptance;

import dev.orderclock.order.OrderId;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.ServerProcess;
import dev.orderclock.server.testing.Shop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invariant 3 against the real jar: 20,000 orders due over the next ten seconds, the process killed
 * with SIGKILL half way, started again on the same data folder. Every overdue order closes within the
 * grace period after the restart, none twice, none early, no acknowledged order is lost, stock is whole.
 */
class CrashRecoveryIT {

    private static final int ORDERS = 20_000;
    private static final int SHOPPERS = 8;
    private static final long STOCK = 1_000_000;
    private static final Duration GRACE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void everyOverdueOrderClosesWithinTheGracePeriodAfterAKillNineAndNoneTwice() throws Exception {
        Path data = dir.resolve("data");
        Map<String, Instant> acknowledged = new ConcurrentHashMap<>();
        Set<String> cancelled = ConcurrentHashMap.newKeySet();

        // given a server taking orders due over the next ten seconds
        try (ServerProcess first = ServerProcess.start(data)) {
            Shop shop = new Shop(first.api());
            List<String> skus = List.of(shop.product(STOCK), shop.product(STOCK), shop.product(STOCK));
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            ExecutorService shoppers = Executors.newFixedThreadPool(SHOPPERS);
            for (int t = 0; t < SHOPPERS; t++) {
                shoppers.submit(() -> placeOrders(first.api(), shop, skus, next, killed, acknowledged, cancelled));
            }

            // when it is killed half way, with some orders closed already and most still pending
            await("half the orders placed")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> acknowledged.size() >= ORDERS / 2);
            first.kill9();
            killed.set(true);
            shoppers.shutdown();
            assertThat(shoppers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        Instant lastDeadline =
                acknowledged.values().stream().max(Instant::compareTo).orElseThrow();

        // then, started again on the same data, it closes every overdue order within the grace period
        Instant readyAgain;
        try (ServerProcess second = ServerProcess.start(data)) {
            readyAgain = Instant.now();
            Api api = second.api();
            Instant allDue = lastDeadline.isAfter(readyAgain) ? lastDeadline : readyAgain;
            await("no order left pending")
                    .atMost(Duration.between(Instant.now(), allDue.plus(GRACE)))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> pending(api) == 0);
        }

        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + data.toAbsolutePath().resolve("orderclock"), "sa", "")) {
            assertThat(orderIds(db))
                    .as("every acknowledged order survived the kill")
                    .containsAll(acknowledged.keySet());
            assertThat(count(db, "SELECT COUNT(*) FROM orders WHERE status <> 'CLOSED'"))
                    .as("orders not closed")
                    .isZero();
            assertThat(
                            count(
                                    db,
                                    "SELECT COUNT(*) FROM orders WHERE close_reason = 'PAYMENT_TIMEOUT' AND closed_at < pay_deadline"))
                    .as("orders closed before their deadline")
                    .isZero();
            assertThat(count(
                            db,
                            "SELECT COUNT(*) FROM orders o WHERE (SELECT COUNT(*) FROM order_events e "
                                    + "WHERE e.order_id = o.id AND e.type = 'order.closed') <> 1"))
                    .as("orders without exactly one order.closed event")
                    .isZero();
            assertThat(closedLaterThanGraceAfter(db, readyAgain))
                    .as("orders closed later than %s after the restart was ready at %s", GRACE, readyAgain)
                    .isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM orders WHERE close_reason = 'USER_CANCELLED'"))
                    .isGreaterThanOrEqualTo(cancelled.size());
            assertThat(count(db, "SELECT COUNT(*) FROM products WHERE available <> stock OR sold <> 0"))
                    .as("products whose stock did not all come back")
                    .isZero();
        }
        System.out.printf(
                "crash test: %d orders acknowledged before the kill, %d cancelled, restart ready at %s%n",
                acknowledged.size(), cancelled.size(), readyAgain);
    }

    private static void placeOrders(
            Api api,
            Shop shop,
            List<String> skus,
            AtomicInteger next,
            AtomicBoolean killed,
            Map<String, Instant> acknowledged,
            Set<String> cancelled) {
        int i;
        while (!killed.get() && (i = next.getAndIncrement()) < ORDERS) {
            try {
                String user = "u-" + (i % 500);
                Reply created = shop.order(user, skus.get(i % skus.size()), 1 + i % 3, 1 + i % 10);
                if (created.status() != 201) {
                    continue;
                }
                String id = created.text("id");
                acknowledged.put(id, Instant.parse(created.text("payDeadline")));
                if (i % 20 == 0
                        && api.post("/api/orders/" + id + "/cancel")
                                        .as(user)
                                        .send()
                                        .status()
                                == 200) {
                    cancelled.add(id);
                }
            } catch (RuntimeException connectionLostInTheKill) {
                return;
            }
        }
    }

    private static long pending(Api api) {
        return api.get("/api/stats")
                .asOperator()
                .send()
                .json()
                .path("orders")
                .path("PENDING_PAYMENT")
                .asLong();
    }

    private static long closedLaterThanGraceAfter(Connection db, Instant ready) throws SQLException {
        String sql = "SELECT COUNT(*) FROM orders WHERE close_reason = 'PAYMENT_TIMEOUT' "
                + "AND closed_at > GREATEST(pay_deadline, ?) + INTERVAL '" + GRACE.toSeconds() + "' SECOND";
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, ready.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Set<String> orderIds(Connection db) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM orders")) {
            while (rows.next()) {
                ids.add(OrderId.format(rows.getLong(1)));
            }
        }
        return ids;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
