package dev.orderclock.server.payment;

import dev.orderclock.order.OrderId;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The race of issue 9, end to end on H2 with the simulator over HTTP: orders with 2-second deadlines,
 * shoppers split across Alipay and WeChat Pay, a third of them switching channel midway, buyers paying
 * their trade around the deadline and some switchers paying the old trade too, around the switch; 30 %
 * of notifications dropped, 30 % duplicated, and a channel that takes money after a close or expiry.
 * Every order ends PAID with exactly one payment kept, or CLOSED with every payment refunded; the
 * channels' own ledgers agree with the orders (money taken after a close whose notifications were all
 * lost is found by reconciliation's last look at closed trades); one paid-or-closed event per order and one refunded
 * event per refund; stock conserved.
 */
@PaymentServer
@TestPropertySource(properties = "orderclock.payments.reconcile-age=1s") // the last look at closed trades, soon
class SwitchingChannelsRaceIT {

    private static final int ORDERS = Integer.getInteger("race.orders", 600);
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
    void everyOrderKeepsExactlyOnePaymentOrNoneAndTheChannelsAgree() throws Exception {
        // given
        Api api = new Api(port);
        Shop shop = new Shop(api);
        new SimFaults(api).set("\"notify-drop-rate\":0.3,\"notify-duplicate-rate\":0.3,\"accept-after-close\":true");
        String sku = shop.product(ORDERS);
        AtomicInteger switched = new AtomicInteger();
        AtomicInteger switchRefused = new AtomicInteger();
        AtomicInteger paymentsAccepted = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        ScheduledExecutorService buyers = Executors.newScheduledThreadPool(CLIENTS);
        List<Future<?>> scheduled = new ArrayList<>();
        Map<String, String> firstChannel = new ConcurrentHashMap<>();
        // when
        List<Future<?>> placed = IntStream.range(0, ORDERS)
                .<Future<?>>mapToObj(i -> clients.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    String user = Shop.newUser();
                    Reply order = shop.order(user, sku, 1, 2);
                    String id = order.text("id");
                    Instant deadline = Instant.parse(order.text("payDeadline"));
                    String channel = random.nextBoolean() ? "alipay" : "wechat";
                    firstChannel.put(id, channel);
                    Reply first = pay(api, user, id, channel);
                    if (first.status() != 201) {
                        return; // slower than the deadline: no trade, closed in the batch
                    }
                    boolean payOld = random.nextInt(3) == 0;
                    if (random.nextInt(3) == 0) {
                        String other = channel.equals("alipay") ? "wechat" : "alipay";
                        long switchIn = random.nextLong(0, 1500);
                        synchronized (scheduled) {
                            scheduled.add(buyers.schedule(
                                    () -> {
                                        if (payOld) {
                                            long lag = random.nextLong(-150, 151);
                                            synchronized (scheduled) {
                                                scheduled.add(buyers.schedule(
                                                        () -> payAtChannel(
                                                                api, first.text("tradeNo"), paymentsAccepted),
                                                        Math.max(0, lag),
                                                        TimeUnit.MILLISECONDS));
                                            }
                                        }
                                        Reply second = pay(api, user, id, other);
                                        if (second.status() == 201) {
                                            switched.incrementAndGet();
                                            buyAround(
                                                    buyers,
                                                    scheduled,
                                                    api,
                                                    second.text("tradeNo"),
                                                    deadline,
                                                    paymentsAccepted);
                                        } else {
                                            switchRefused.incrementAndGet();
                                        }
                                    },
                                    switchIn,
                                    TimeUnit.MILLISECONDS));
                        }
                    } else if (random.nextBoolean()) {
                        buyAround(buyers, scheduled, api, first.text("tradeNo"), deadline, paymentsAccepted);
                    }
                }))
                .toList();
        for (Future<?> future : placed) {
            future.get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (scheduled) {
                return scheduled.stream().allMatch(Future::isDone);
            }
        });
        clients.shutdown();
        buyers.shutdown();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count(sku, "o.status = 'PENDING_PAYMENT'") == 0
                        && count(sku, "a.refund_status = 'REFUND_PENDING'") == 0);
        // Money taken after a close whose every notification was lost is found by reconciliation's
        // last look at the closed attempt (reconcile-age after the close): wait for it, with a bound.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> paidAtTheChannelButNotRecorded(api, sku) == 0
                        && count(sku, "a.refund_status = 'REFUND_PENDING'") == 0);
        // then
        Map<String, String> statusOf = statuses(sku);
        Map<String, List<Attempt>> attemptsOf = attempts(sku);
        Map<String, List<String>> events = new Outbox(dataSource).all();
        assertThat(statusOf).hasSize(ORDERS);
        assertThat(statusOf.values()).containsOnly("PAID", "CLOSED");
        int refunds = 0;
        for (Map.Entry<String, String> order : statusOf.entrySet()) {
            String id = order.getKey();
            List<Attempt> attempts = attemptsOf.getOrDefault(id, List.of());
            long kept = attempts.stream().filter(Attempt::kept).count();
            assertThat(kept)
                    .as("payments kept for %s order %s: %s", order.getValue(), id, attempts)
                    .isEqualTo(order.getValue().equals("PAID") ? 1 : 0);
            for (Attempt attempt : attempts) {
                assertThat(attempt.refundStatus()).as("refund of %s", attempt).isIn(null, "REFUNDED");
                JsonNode atChannel =
                        api.get("/sim/trades/" + attempt.tradeNo()).send().json();
                boolean paidAtChannel = !atChannel.path("paidAt").isMissingNode()
                        && !atChannel.path("paidAt").isNull();
                assertThat(paidAtChannel)
                        .as("%s paid at %s as in the order's attempt %s", attempt.tradeNo(), attempt.channel(), attempt)
                        .isEqualTo(attempt.status().equals("PAID"));
                if (paidAtChannel) {
                    assertThat(atChannel.path("channel").asText()).isEqualTo(attempt.channel());
                    assertThat(atChannel.path("refundedAmount").asText())
                            .as("refunded at the channel for %s", attempt)
                            .isEqualTo(attempt.kept() ? "0.00" : "9.99");
                }
            }
            long refunded = attempts.stream()
                    .filter(a -> "REFUNDED".equals(a.refundStatus()))
                    .count();
            refunds += (int) refunded;
            List<String> types = events.getOrDefault(id, List.of());
            assertThat(types.stream().filter(t -> t.equals("order.paid") || t.equals("order.closed")))
                    .as("paid-or-closed events of %s", id)
                    .hasSize(1);
            assertThat(types.stream().filter("order.refunded"::equals))
                    .as("refunded events of %s", id)
                    .hasSize((int) refunded);
        }
        long paid = statusOf.values().stream().filter("PAID"::equals).count();
        assertThat(shop.available(sku) + paid).as("stock = available + sold").isEqualTo(ORDERS);
        long wechatFirst =
                firstChannel.values().stream().filter("wechat"::equals).count();
        System.out.printf(
                "switching race: %d orders (%d first on wechat), %d switched channel, %d switches refused; "
                        + "%d payments taken by the channels, %d PAID, %d CLOSED, %d refunds; stats %s; notifications %s%n",
                ORDERS,
                wechatFirst,
                switched.get(),
                switchRefused.get(),
                paymentsAccepted.get(),
                paid,
                ORDERS - paid,
                refunds,
                api.get("/api/stats").asOperator().send().json().path("payments"),
                api.get("/sim/notifications").send().body());
    }

    private static Reply pay(Api api, String user, String id, String channel) {
        return api.post("/api/orders/" + id + "/pay")
                .as(user)
                .json("{\"channel\":\"" + channel + "\"}")
                .send();
    }

    /** Half the time the buyer pays, at a random moment from 300 ms before to 300 ms after the deadline. */
    private static void buyAround(
            ScheduledExecutorService buyers,
            List<Future<?>> scheduled,
            Api api,
            String tradeNo,
            Instant deadline,
            AtomicInteger accepted) {
        if (ThreadLocalRandom.current().nextBoolean()) {
            return;
        }
        Instant at = deadline.plusMillis(ThreadLocalRandom.current().nextLong(-300, 301));
        synchronized (scheduled) {
            scheduled.add(buyers.schedule(
                    () -> payAtChannel(api, tradeNo, accepted),
                    Math.max(0, Duration.between(Instant.now(), at).toMillis()),
                    TimeUnit.MILLISECONDS));
        }
    }

    private static void payAtChannel(Api api, String tradeNo, AtomicInteger accepted) {
        if (api.post("/sim/trades/" + tradeNo + "/pay").send().status() == 200) {
            accepted.incrementAndGet();
        }
    }

    private record Attempt(String tradeNo, String channel, String status, String refundStatus) {

        boolean kept() {
            return status.equals("PAID") && refundStatus == null;
        }
    }

    private long count(String sku, String condition) {
        long[] count = {0};
        query("""
                SELECT COUNT(*) FROM orders o JOIN order_lines l ON l.order_id = o.id
                  LEFT JOIN payment_attempts a ON a.order_id = o.id
                 WHERE l.sku = ? AND\s""" + condition, sku, row -> count[0] = row.getLong(1));
        return count[0];
    }

    private Map<String, String> statuses(String sku) {
        Map<String, String> statuses = new HashMap<>();
        query(
                "SELECT o.id, o.status FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE l.sku = ?",
                sku,
                row -> statuses.put(OrderId.format(row.getLong(1)), row.getString(2)));
        return statuses;
    }

    /** Attempts the channel's own ledger shows paid while the order's attempt does not say so. */
    private long paidAtTheChannelButNotRecorded(Api api, String sku) {
        return attempts(sku).values().stream()
                .flatMap(List::stream)
                .filter(attempt -> !attempt.status().equals("PAID"))
                .filter(attempt -> {
                    JsonNode atChannel =
                            api.get("/sim/trades/" + attempt.tradeNo()).send().json();
                    return !atChannel.path("paidAt").isMissingNode()
                            && !atChannel.path("paidAt").isNull();
                })
                .count();
    }

    private Map<String, List<Attempt>> attempts(String sku) {
        Map<String, List<Attempt>> attempts = new HashMap<>();
        query(
                """
                SELECT a.order_id, a.trade_no, a.channel, a.status, a.refund_status
                  FROM payment_attempts a JOIN order_lines l ON l.order_id = a.order_id
                 WHERE l.sku = ? ORDER BY a.opened_at, a.trade_no""",
                sku,
                row -> attempts.computeIfAbsent(OrderId.format(row.getLong(1)), k -> new ArrayList<>())
                        .add(new Attempt(row.getString(2), row.getString(3), row.getString(4), row.getString(5))));
        return attempts;
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
