package dev.orderclock.simulator.alipay;

import dev.orderclock.channels.alipay.ShopChannel;
import dev.orderclock.order.OrderId;
import dev.orderclock.payment.OpenedTrade;
import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.payment.TradeRequest;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.simulator.NotificationCatcher;
import dev.orderclock.simulator.NotificationCatcher.Received;
import dev.orderclock.simulator.SimApi;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the simulated Alipay delivers notifications: again and again on Alipay's schedule (compressed
 * by {@code retry-scale}) with the same {@code notify_id} until the shop answers exactly
 * {@code success}; and the notification faults — dropped, duplicated, delayed.
 */
@RunningServer
class NotificationDeliveryIT {

    private static final NotificationCatcher SHOP = new NotificationCatcher();
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @LocalServerPort
    int port;

    SimApi sim;
    PaymentChannel alipay;

    @BeforeEach
    void setUp() {
        sim = new SimApi(new Api(port));
        alipay = ShopChannel.configuredFrom(sim.alipayConsole(), SHOP.url());
    }

    @AfterEach
    void noFaults() {
        SHOP.answering(notification -> "success");
        sim.noFaults();
    }

    @AfterAll
    static void closeShop() {
        SHOP.close();
    }

    @Test
    void retriesWithTheSameNotificationUntilTheAnswerIsExactlySuccess() {
        // 4m, 10m, 10m, 1h... become 120 ms, 300 ms, 300 ms, 1.8 s...
        sim.faults("{\"retry-scale\":0.0005}");
        AtomicInteger answered = new AtomicInteger();
        List<String> answers = List.of("fail", "success\n", "SUCCESS", "success");
        SHOP.answering(notification -> answers.get(Math.min(answered.getAndIncrement(), answers.size() - 1)));
        String tradeNo = paidTrade();

        List<Received> attempts = SHOP.await(tradeNo, 4);

        Awaitility.await()
                .during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(4))
                .until(() -> SHOP.about(tradeNo).size() == 4);
        assertThat(attempts)
                .extracting(Received::body)
                .containsOnly(attempts.get(0).body());
        assertThat(attempts)
                .extracting(attempt -> attempt.field("notify_id"))
                .containsOnly(attempts.get(0).field("notify_id"));
    }

    @Test
    void givesUpAfterTheLastRetryOfAlipaysSchedule() {
        // The whole day of retries (4m ... 15h, 24h24m in all) in about 1.8 s.
        sim.faults("{\"retry-scale\":0.00002}");
        SHOP.answering(notification -> "fail");
        String tradeNo = paidTrade();

        Awaitility.await()
                .atMost(Duration.ofSeconds(8))
                .until(() -> SHOP.about(tradeNo).size() >= 8);
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> SHOP.about(tradeNo).size() == 8);
    }

    @Test
    void aDroppedNotificationIsNeverSent() {
        long droppedBefore = dropped();
        sim.faults("{\"notify-drop-rate\":1}");

        String tradeNo = paidTrade();

        Awaitility.await()
                .during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(2))
                .until(() -> SHOP.about(tradeNo).isEmpty());
        assertThat(dropped()).isEqualTo(droppedBefore + 1);
    }

    @Test
    void aDuplicatedNotificationArrivesTwiceWithTheSameId() {
        sim.faults("{\"notify-duplicate-rate\":1}");

        List<Received> copies = SHOP.await(paidTrade(), 2);

        assertThat(copies).hasSize(2);
        assertThat(copies.get(0).field("notify_id")).isEqualTo(copies.get(1).field("notify_id"));
        assertThat(copies.get(0).body()).isEqualTo(copies.get(1).body());
    }

    @Test
    void aDelayedNotificationComesNoSoonerThanTheDelay() {
        sim.faults("{\"notify-delay-ms\":700}");
        OpenedTrade trade = open();

        long paidAt = System.nanoTime();
        assertThat(sim.pay(trade.tradeNo())).hasStatus(200);
        SHOP.await(trade.tradeNo(), 1);

        assertThat(Duration.ofNanos(System.nanoTime() - paidAt)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    private String paidTrade() {
        OpenedTrade trade = open();
        assertThat(sim.pay(trade.tradeNo())).hasStatus(200);
        return trade.tradeNo();
    }

    private OpenedTrade open() {
        long orderId = ThreadLocalRandom.current().nextLong(1, 1L << 50);
        return alipay.open(new TradeRequest(
                PaymentAttempt.tradeNo(OrderId.format(orderId), ATTEMPTS.incrementAndGet()),
                orderId,
                new BigDecimal("9.99"),
                "Green tea",
                Instant.now().plusSeconds(600)));
    }

    private long dropped() {
        return new Api(port)
                .get("/sim/notifications")
                .send()
                .json()
                .path("dropped")
                .asLong();
    }
}
