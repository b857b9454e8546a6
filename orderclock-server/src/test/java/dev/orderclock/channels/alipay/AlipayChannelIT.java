package dev.orderclock.channels.alipay;

import dev.orderclock.channels.keys.RsaKeys;
import dev.orderclock.order.OrderId;
import dev.orderclock.payment.ChannelException;
import dev.orderclock.payment.CloseAnswer;
import dev.orderclock.payment.InboundNotification;
import dev.orderclock.payment.InvalidNotificationException;
import dev.orderclock.payment.OpenedTrade;
import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.payment.PaymentNotification;
import dev.orderclock.payment.RefundAnswer;
import dev.orderclock.payment.RefundRequest;
import dev.orderclock.payment.TradeRequest;
import dev.orderclock.payment.TradeState;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.simulator.NotificationCatcher;
import dev.orderclock.simulator.SimApi;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter and the built-in simulator over real HTTP: every method, and every answer the order
 * side must tell apart (not exist, status error on close, system error), as the service runs them.
 */
@RunningServer
class AlipayChannelIT {

    private static final NotificationCatcher SHOP = new NotificationCatcher();
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("alipay")
    PaymentChannel configured;

    @Autowired
    AlipayProperties settings;

    SimApi sim;
    AlipayChannel alipay;

    @BeforeEach
    void setUp() {
        sim = new SimApi(new Api(port));
        // The service's own settings, but notified at a test endpoint: going live changes only settings too.
        alipay = channel(RsaKeys.privateKey(settings.privateKey()), RsaKeys.publicKey(settings.alipayPublicKey()));
    }

    @AfterEach
    void noFaults() {
        sim.noFaults();
    }

    @AfterAll
    static void closeShop() {
        SHOP.close();
    }

    @Test
    void theServicesAlipayChannelTalksToTheBuiltInSimulator() {
        OpenedTrade trade = configured.open(request(Instant.now().plusSeconds(600)));

        assertThat(configured.name()).isEqualTo("alipay");
        assertThat(trade.payUrl()).isEqualTo("http://localhost:" + port + "/sim/trades/" + trade.tradeNo() + "/pay");
        assertThat(configured.query(trade.tradeNo())).isEqualTo(new TradeState.Waiting());
    }

    @Test
    void opensATradeExpiringAtTheDeadlineToTheSecondAndOpensItAgainIdempotently() {
        Instant deadline = Instant.now().plusSeconds(600).plusMillis(123);
        TradeRequest request = request(deadline);

        OpenedTrade first = alipay.open(request);
        OpenedTrade again = alipay.open(request);

        assertThat(first.expiresAt()).isEqualTo(AlipayTime.truncate(deadline)).isBeforeOrEqualTo(deadline);
        assertThat(again).isEqualTo(first);
        assertThat(Instant.parse(sim.trade(first.tradeNo()).path("expiresAt").asText()))
                .isEqualTo(first.expiresAt());
        assertThat(sim.trade(first.tradeNo()).path("orderId").asText()).isEqualTo(OrderId.format(request.orderId()));
    }

    @Test
    void aPaymentIsQueriedAsPaidAndItsNotificationIsReadAsAPayment() {
        TradeRequest request = request(Instant.now().plusSeconds(600));
        OpenedTrade trade = alipay.open(request);

        assertThat(sim.pay(trade.tradeNo())).hasStatus(200);

        TradeState state = alipay.query(trade.tradeNo());
        assertThat(state).isInstanceOf(TradeState.Paid.class);
        assertThat(((TradeState.Paid) state).amount()).isEqualTo(request.amount());
        NotificationCatcher.Received received = SHOP.await(trade.tradeNo(), 1).get(0);
        PaymentNotification notification =
                alipay.readNotification(new InboundNotification(received.headers(), received.body()));
        assertThat(notification.kind()).isEqualTo(PaymentNotification.Kind.PAID);
        assertThat(notification.tradeNo()).isEqualTo(trade.tradeNo());
        assertThat(notification.amount()).isEqualTo(request.amount());
        assertThat(notification.channelTradeNo()).isEqualTo(((TradeState.Paid) state).channelTradeNo());
        assertThat(notification.paidAt()).isEqualTo(((TradeState.Paid) state).paidAt());
    }

    @Test
    void aTamperedNotificationFromTheSimulatorIsRefused() {
        OpenedTrade trade = alipay.open(request(Instant.now().plusSeconds(600)));
        sim.pay(trade.tradeNo());
        NotificationCatcher.Received received = SHOP.await(trade.tradeNo(), 1).get(0);

        String tampered = received.body().replace("total_amount=19.98", "total_amount=0.01");

        assertThat(tampered).isNotEqualTo(received.body());
        assertThatThrownBy(() -> alipay.readNotification(new InboundNotification(received.headers(), tampered)))
                .isInstanceOfSatisfying(
                        InvalidNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidNotificationException.Reason.BAD_SIGNATURE));
    }

    @Test
    void closingAWaitingTradeClosesItAndAClosedTradeRefusesPayment() {
        OpenedTrade trade = alipay.open(request(Instant.now().plusSeconds(600)));

        assertThat(alipay.close(trade.tradeNo())).isEqualTo(new CloseAnswer.Closed());

        assertThat(alipay.query(trade.tradeNo())).isEqualTo(new TradeState.Closed());
        assertThat(sim.pay(trade.tradeNo())).isProblem(409, "payment-refused");
        // Alipay answers a second close with a status error, as for a paid trade: query and decide.
        assertThat(alipay.close(trade.tradeNo())).isEqualTo(new CloseAnswer.AlreadyPaid());
        NotificationCatcher.Received closed = SHOP.await(trade.tradeNo(), 1).get(0);
        assertThat(alipay.readNotification(new InboundNotification(closed.headers(), closed.body()))
                        .kind())
                .isEqualTo(PaymentNotification.Kind.CLOSED);
    }

    @Test
    void closingAPaidTradeAnswersStatusErrorReadAsAlreadyPaid() {
        OpenedTrade trade = alipay.open(request(Instant.now().plusSeconds(600)));
        sim.pay(trade.tradeNo());

        assertThat(alipay.close(trade.tradeNo())).isEqualTo(new CloseAnswer.AlreadyPaid());
        assertThat(alipay.query(trade.tradeNo())).isInstanceOf(TradeState.Paid.class);
    }

    @Test
    void aTradeTheSimulatorNeverOpenedIsNotFound() {
        assertThat(alipay.query("NEVER-OPENED-1")).isEqualTo(new TradeState.NotFound());
        assertThat(alipay.close("NEVER-OPENED-1")).isEqualTo(new CloseAnswer.NotFound());
        assertThat(alipay.refundStatus("NEVER-OPENED-1", "R")).isEqualTo(new RefundAnswer.NotFound());
    }

    @Test
    void anUnscannedTradeDoesNotExistYetAndStaysPayableAfterACloseThatFoundNothing() {
        sim.faults("{\"unscanned-not-exist\":true}");
        OpenedTrade trade = alipay.open(request(Instant.now().plusSeconds(600)));

        assertThat(alipay.query(trade.tradeNo())).isEqualTo(new TradeState.NotFound());
        assertThat(alipay.close(trade.tradeNo())).isEqualTo(new CloseAnswer.NotFound());
        assertThat(sim.scan(trade.tradeNo())).hasStatus(200);
        assertThat(alipay.query(trade.tradeNo())).isEqualTo(new TradeState.Waiting());
        assertThat(sim.pay(trade.tradeNo())).hasStatus(200);
        assertThat(alipay.query(trade.tradeNo())).isInstanceOf(TradeState.Paid.class);
    }

    @Test
    void systemErrorsAreUnknownAndChangeNothing() {
        OpenedTrade trade = alipay.open(request(Instant.now().plusSeconds(600)));
        sim.faults("{\"query-fail-rate\":1}");

        assertThat(alipay.query(trade.tradeNo())).isInstanceOf(TradeState.Unknown.class);
        assertThat(alipay.close(trade.tradeNo())).isInstanceOf(CloseAnswer.Unknown.class);
        assertThat(sim.trade(trade.tradeNo()).path("status").asText()).isEqualTo("WAIT_BUYER_PAY");

        sim.faults("{\"query-fail-rate\":0}");
        assertThat(alipay.query(trade.tradeNo())).isEqualTo(new TradeState.Waiting());
    }

    @Test
    void anExpiredTradeIsClosedAndRefusesPayment() {
        OpenedTrade trade = alipay.open(request(Instant.now().plusSeconds(2)));

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> alipay.query(trade.tradeNo()), state -> state.equals(new TradeState.Closed()));

        assertThat(sim.pay(trade.tradeNo())).isProblem(409, "payment-refused");
    }

    @Test
    void aMisbehavingChannelTakesMoneyForAClosedTradeAndTheRefundHappensOnceThoughItsAnswerWasLost() {
        TradeRequest request = request(Instant.now().plusSeconds(600));
        OpenedTrade trade = alipay.open(request);
        alipay.close(trade.tradeNo());
        sim.faults("{\"accept-after-close\":true,\"refund-fail-rate\":1}");
        assertThat(sim.pay(trade.tradeNo())).hasStatus(200);
        RefundRequest refund =
                new RefundRequest(trade.tradeNo(), trade.tradeNo() + "-R", request.amount(), "closed order");

        RefundAnswer lost = alipay.refund(refund);
        sim.faults("{\"refund-fail-rate\":0}");
        RefundAnswer retried = alipay.refund(refund);

        assertThat(lost).isInstanceOf(RefundAnswer.Unknown.class);
        assertThat(retried).isEqualTo(new RefundAnswer.Processing()); // fund_change N: done before
        assertThat(alipay.refundStatus(trade.tradeNo(), refund.refundRequestNo()))
                .isInstanceOf(RefundAnswer.Refunded.class);
        assertThat(sim.trade(trade.tradeNo()).path("refundedAmount").asText()).isEqualTo("19.98");
    }

    @Test
    void aRefundIsDoneOnceAndConfirmedByARefundQuery() {
        TradeRequest request = request(Instant.now().plusSeconds(600));
        OpenedTrade trade = alipay.open(request);
        sim.pay(trade.tradeNo());
        RefundRequest refund = new RefundRequest(trade.tradeNo(), trade.tradeNo() + "-R", request.amount(), null);

        assertThat(alipay.refundStatus(trade.tradeNo(), refund.refundRequestNo()))
                .isEqualTo(new RefundAnswer.NotFound());
        assertThat(alipay.refund(refund)).isInstanceOf(RefundAnswer.Refunded.class);
        assertThat(alipay.refund(refund)).isEqualTo(new RefundAnswer.Processing());
        assertThat(alipay.refundStatus(trade.tradeNo(), refund.refundRequestNo()))
                .isInstanceOf(RefundAnswer.Refunded.class);
        assertThat(sim.trade(trade.tradeNo()).path("refundedAmount").asText()).isEqualTo("19.98");
        PaymentNotification refunded =
                alipay.readNotification(inbound(SHOP.await(trade.tradeNo(), 2).get(1)));
        assertThat(refunded.kind()).isEqualTo(PaymentNotification.Kind.REFUNDED);
    }

    @Test
    void refundingAnUnpaidTradeIsRefusedAsUnknown() {
        OpenedTrade trade = alipay.open(request(Instant.now().plusSeconds(600)));

        RefundAnswer answer = alipay.refund(new RefundRequest(trade.tradeNo(), "R-1", new BigDecimal("19.98"), null));

        assertThat(answer)
                .isInstanceOfSatisfying(
                        RefundAnswer.Unknown.class,
                        unknown -> assertThat(unknown.reason()).contains("ACQ.TRADE_STATUS_ERROR"));
    }

    @Test
    void theSimulatorRefusesAShopSigningWithTheWrongKeyAndTheShopRefusesAnswersSignedWithTheWrongKey() {
        AlipayChannel wrongMerchantKey =
                channel(RsaKeys.generate().getPrivate(), RsaKeys.publicKey(settings.alipayPublicKey()));
        AlipayChannel wrongAlipayKey = channel(
                RsaKeys.privateKey(settings.privateKey()), RsaKeys.generate().getPublic());
        OpenedTrade trade = alipay.open(request(Instant.now().plusSeconds(600)));

        assertThatThrownBy(() -> wrongMerchantKey.open(request(Instant.now().plusSeconds(600))))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("isv.invalid-signature");
        assertThat(wrongAlipayKey.query(trade.tradeNo())).isInstanceOf(TradeState.Unknown.class);
    }

    @Test
    void anUnreachableGatewayIsUnknownWithinTheTimeouts() {
        AlipayChannel down = new AlipayChannel(
                accountFromSettings(),
                () -> URI.create("http://localhost:1/gateway.do"),
                SHOP::url,
                new HttpGatewayTransport(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                InstantSource.system(),
                new SimpleMeterRegistry());

        assertThat(down.query("T-1")).isInstanceOf(TradeState.Unknown.class);
        assertThat(down.close("T-1")).isInstanceOf(CloseAnswer.Unknown.class);
        assertThatThrownBy(() -> down.open(request(Instant.now().plusSeconds(600))))
                .isInstanceOf(ChannelException.class);
    }

    private AlipayChannel channel(PrivateKey merchantKey, PublicKey alipayKey) {
        return new AlipayChannel(
                new AlipayAccount(settings.appId(), merchantKey, alipayKey),
                () -> URI.create("http://localhost:" + port + "/sim/alipay/gateway.do"),
                SHOP::url,
                new HttpGatewayTransport(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                InstantSource.system(),
                new SimpleMeterRegistry());
    }

    private AlipayAccount accountFromSettings() {
        return new AlipayAccount(
                settings.appId(),
                RsaKeys.privateKey(settings.privateKey()),
                RsaKeys.publicKey(settings.alipayPublicKey()));
    }

    private static InboundNotification inbound(NotificationCatcher.Received received) {
        return new InboundNotification(received.headers(), received.body());
    }

    private static TradeRequest request(Instant expiresAt) {
        long orderId = ThreadLocalRandom.current().nextLong(1, 1L << 50);
        return new TradeRequest(
                PaymentAttempt.tradeNo(OrderId.format(orderId), ATTEMPTS.incrementAndGet()),
                orderId,
                new BigDecimal("19.98"),
                "绿茶 Green tea",
                expiresAt);
    }
}
