package dev.orderclock.simulator.wechat;

import dev.orderclock.channels.wechat.WechatPayChannel;
import dev.orderclock.channels.wechat.WechatShopChannel;
import dev.orderclock.order.OrderId;
import dev.orderclock.payment.InboundNotification;
import dev.orderclock.payment.OpenedTrade;
import dev.orderclock.payment.PaymentNotification;
import dev.orderclock.payment.TradeRequest;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.simulator.NotificationCatcher;
import dev.orderclock.simulator.NotificationCatcher.Received;
import dev.orderclock.simulator.SimApi;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * How the simulated WeChat Pay delivers notifications: again on WeChat Pay's schedule (15s, 15s, 30s,
 * 3m ... 6h, compressed by {@code retry-scale}) with the same envelope, signed afresh each time, until
 * the shop answers 200 or 204; and the adapter reads what it sends.
 */
@RunningServer
class WechatNotificationDeliveryIT {

    private static final NotificationCatcher SHOP = new NotificationCatcher();
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    SimApi sim;
    WechatPayChannel wechat;

    @BeforeEach
    void setUp() {
        sim = new SimApi(new Api(port));
        wechat = WechatShopChannel.configuredFrom(sim.wechatConsole(), SHOP.url());
    }

    @AfterEach
    void noFaults() {
        SHOP.answeringStatus(notification -> 200);
        sim.noFaults();
    }

    @AfterAll
    static void closeShop() {
        SHOP.close();
    }

    @Test
    void retriesTheSameEnvelopeSignedAfreshUntilTheShopAnswers204() {
        // 15 s, 15 s, 30 s, 3 m become 15 ms, 15 ms, 30 ms, 180 ms.
        sim.faults("{\"retry-scale\":0.001}");
        AtomicInteger answered = new AtomicInteger();
        List<Integer> answers = List.of(500, 401, 400, 204);
        SHOP.answeringStatus(notification -> answers.get(Math.min(answered.getAndIncrement(), answers.size() - 1)));
        OpenedTrade trade = paidTrade();

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> about(trade.tradeNo()).size() >= 4);
        Awaitility.await()
                .during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> about(trade.tradeNo()).size() == 4);
        List<Received> attempts = about(trade.tradeNo());

        assertThat(attempts)
                .extracting(Received::body)
                .containsOnly(attempts.get(0).body());
        assertThat(attempts)
                .extracting(attempt -> attempt.headers().get("wechatpay-nonce"))
                .doesNotHaveDuplicates();
        for (Received attempt : attempts) {
            PaymentNotification read =
                    wechat.readNotification(new InboundNotification(attempt.headers(), attempt.body()));
            assertThat(read.kind()).isEqualTo(PaymentNotification.Kind.PAID);
            assertThat(read.tradeNo()).isEqualTo(trade.tradeNo());
            assertThat(read.amount()).isEqualByComparingTo("9.99");
        }
    }

    @Test
    void givesUpAfterTheLastRetryOfWechatPaysSchedule() {
        // The whole schedule (15 s ... 6 h, about 24 h 54 m in all) in about 1.8 s.
        sim.faults("{\"retry-scale\":0.00002}");
        SHOP.answeringStatus(notification -> 500);
        OpenedTrade trade = paidTrade();

        Awaitility.await()
                .atMost(Duration.ofSeconds(8))
                .until(() -> about(trade.tradeNo()).size() >= 16);
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> about(trade.tradeNo()).size() == 16);
    }

    @Test
    void aTradeQueriedAfterItsPaymentReadsPaidThroughTheAdapter() {
        OpenedTrade trade = paidTrade();

        assertThat(wechat.query(trade.tradeNo())).isInstanceOf(dev.orderclock.payment.TradeState.Paid.class);
        assertThat(wechat.close(trade.tradeNo())).isInstanceOf(dev.orderclock.payment.CloseAnswer.AlreadyPaid.class);
        assertThat(wechat.query("ORD_NOSUCHTRADE_1")).isInstanceOf(dev.orderclock.payment.TradeState.NotFound.class);
    }

    private OpenedTrade paidTrade() {
        long orderId = ThreadLocalRandom.current().nextLong(1, 1L << 50);
        OpenedTrade trade = wechat.open(new TradeRequest(
                OrderId.format(orderId).replace('-', '_') + "_" + ATTEMPTS.incrementAndGet(),
                orderId,
                new BigDecimal("9.99"),
                "Green tea",
                Instant.now().plusSeconds(600)));
        assertThat(sim.pay(trade.tradeNo())).hasStatus(200);
        return trade;
    }

    /** The notifications about one trade, read through the adapter (their resource is encrypted). */
    private List<Received> about(String tradeNo) {
        return SHOP.received().stream()
                .filter(received -> {
                    try {
                        return tradeNo.equals(
                                wechat.readNotification(new InboundNotification(received.headers(), received.body()))
                                        .tradeNo());
                    } catch (RuntimeException e) {
                        return false;
                    }
                })
                .toList();
    }
}
