package dev.orderclock.server.payment;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.Shop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The race of issue 8, end to end on H2 with the simulator over HTTP: 2,000 orders with 2-second
 * deadlines, about half paid at random moments from 300 ms before to 300 ms after their deadline,
 * 30 % of notifications dropped and 30 % duplicated. Every order ends PAID (the channel accepted
 * the money before the trade expired) or CLOSED; no money the channel took sits on a closed order
 * without a refund; one paid-or-closed event per order; stock conserved.
 */
@PaymentServer
class PaymentRaceIT {

    private static final int ORDERS = Integer.getInteger("race.orders", 2_000);
    private static final int CLIENTS = 8;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void aWellBehavedChannelAgain() {
        new SimFaults(new Api(port)).reset();
    }

    @Test
    void everyOrderEndsPaidOrClosedAndNoMoneyIsKeptSilently() throws Exception {
        // given
        Api api = new Api(port);
        Shop shop = new Shop(api);
        new SimFaults(api).set("\"notify-drop-rate\":0.3,\"notify-duplicate-rate\":0.3");
        String sku = shop.product(ORDERS);
        Map<String, String> tradeOf = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger refusedByChannel = new AtomicInteger();
        AtomicInteger payTooLate = new AtomicInteger();
        AtomicInteger sentBeforeDeadline = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        ScheduledExecutorService buyers = Executors.newScheduledThreadPool(CLIENTS);
        long started = System.nanoTime();
        // when
        List<Future<?>> placed = IntStream.range(0, ORDERS)
                .<Future<?>>mapToObj(i -> clients.submit(() -> {
                    String user = Shop.newUser();
                    Reply order = shop.order(user, sku, 1, 2);
                    String id = order.text("id");
                    Reply trade =
                            api.post("/api/orders/" + id + "/pay").as(user).send();
                    if (trade.status() != 201) {
                        payTooLate
                                .incrementAndGet(); // the client was slower than the deadline: no trade, closed in the
                        // batch
                        tradeOf.put(id, "");
                        return;
                    }
                    tradeOf.put(id, trade.text("tradeNo"));
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        Instant payAt = Instant.parse(order.text("payDeadline"))
                                .plusMillis(ThreadLocalRandom.current().nextLong(-300, 301));
                        Instant deadline = Instant.parse(order.text("payDeadline"));
                        buyers.schedule(
                                () -> {
                                    if (Instant.now().isBefore(deadline)) {
                                        sentBeforeDeadline.incrementAndGet();
                                    }
                                    Reply paid = api.post("/sim/trades/" + trade.text("tradeNo") + "/pay")
                                            .send();
                                    if (paid.status() == 200) {
                                        accepted.add(id);
                                    } else {
                                        refusedByChannel.incrementAndGet();
                                    }
                                },
                                Math.max(
                                        0,
                                        Duration.between(Instant.now(), payAt).toMillis()),
                                TimeUnit.MILLISECONDS);
                    }
                }))
                .toList();
        for (Future<?> future : placed) {
            future.get();
        }
        clients.shutdown();
        buyers.shutdown();
        assertThat(buyers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> pending(sku) == 0);
        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
        // then
        Map<String, String> statusOf = statuses(sku);
        Set<String> refunded = withRefund(sku);
        Map<String, List<String>> events = new Outbox(dataSource).all();
        long paid = statusOf.values().stream().filter("PAID"::equals).count();
        long closed = statusOf.values().stream().filter("CLOSED"::equals).count();
        assertThat(statusOf).hasSize(ORDERS);
        assertThat(statusOf.values()).containsOnly("PAID", "CLOSED");
        for (String id : accepted) {
            assertThat(statusOf.get(id).equals("PAID") || refunded.contains(id))
                    .as("money the channel took for %s is on a PAID order or refunded", id)
                    .isTrue();
        }
        statusOf.forEach((id, status) -> {
            if (status.equals("PAID")) {
                assertThat(accepted)
                        .as("%s is PAID only if the channel took its money", id)
                        .contains(id);
            }
            List<String> settled = events.getOrDefault(id, List.of()).stream()
                    .filter(type -> type.equals("order.paid") || type.equals("order.closed"))
                    .toList();
            assertThat(settled).as("paid-or-closed events of %s", id).hasSize(1);
        });
        int closedWithTradeSuccess = 0;
        for (Map.Entry<String, String> order : statusOf.entrySet()) {
            String tradeNo = tradeOf.get(order.getKey());
            if (order.getValue().equals("CLOSED")
                    && !tradeNo.isEmpty()
                    && "TRADE_SUCCESS"
                            .equals(api.get("/sim/trades/" + tradeNo).send().text("status"))) {
                closedWithTradeSuccess++;
                assertThat(refunded)
                        .as("closed %s with TRADE_SUCCESS at the channel", order.getKey())
                        .contains(order.getKey());
            }
        }
        assertThat(shop.available(sku) + paid).as("stock = available + sold").isEqualTo(ORDERS);
        System.out.printf(
                "payment race: %d orders in %d ms; %d payments sent before the deadline, %d after; "
                        + "%d trades paid at the channel, %d payments refused (trade expired: time_expire has whole "
                        + "seconds, so a trade expires up to 1 s before its order's deadline), %d orders too slow to open a trade; %d PAID, %d CLOSED, %d closed with "
                        + "TRADE_SUCCESS at the channel (all refunded), notifications %s%n",
                ORDERS,
                took,
                sentBeforeDeadline.get(),
                accepted.size() + refusedByChannel.get() - sentBeforeDeadline.get(),
                accepted.size(),
                refusedByChannel.get(),
                payTooLate.get(),
                paid,
                closed,
                closedWithTradeSuccess,
                api.get("/sim/notifications").send().body());
    }

    private long pending(String sku) {
        return statuses(sku).values().stream().filter("PENDING_PAYMENT"::equals).count();
    }

    private Map<String, String> statuses(String sku) {
        Map<String, String> statuses = new HashMap<>();
        query("""
                SELECT o.id, o.status FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE l.sku = ?""", sku, row -> statuses.put(dev.orderclock.order.OrderId.format(row.getLong(1)), row.getString(2)));
        return statuses;
    }

    private Set<String> withRefund(String sku) {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        query("""
                SELECT a.order_id FROM payment_attempts a JOIN order_lines l ON l.order_id = a.order_id
                 WHERE l.sku = ? AND a.refund_status IS NOT NULL""", sku, row -> ids.add(dev.orderclock.order.OrderId.format(row.getLong(1))));
        return ids;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, String sku, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, sku);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
