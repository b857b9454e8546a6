package dev.orderclock.jdbc;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.StoreSuite;
import dev.orderclock.order.StoredEvent;
import dev.orderclock.order.TransitionResult;
import dev.orderclock.payment.ChannelTally;
import dev.orderclock.payment.OpenResult;
import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.payment.Recorded;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@link JdbcPaymentStore}: attempts, recording payments and refunds, and the conditions they put on closing. */
abstract class PaymentStoreContract extends StoreSuite {

    static final Instant T0 = Instant.parse("2026-11-24T19:20:00.123Z");
    static final Instant DEADLINE = T0.plus(Duration.ofMinutes(30));
    static final Instant AFTER_DEADLINE = DEADLINE.plusSeconds(1);

    JdbcPaymentStore payments;
    Order order;

    @BeforeEach
    void aPendingOrder() {
        payments = new JdbcPaymentStore(((JdbcOrderStore) shop().orders()).storage());
        shop().hasProduct("TEA-1", "9.99", 100);
        order = shop().places(anOrder().of("TEA-1", 2).pendingUntil(DEADLINE));
    }

    @Test
    void opensOneAttemptThatExpiresAtTheDeadlineAndAnswersItAgain() {
        PaymentAttempt first = opened(T0.plusSeconds(1));

        OpenResult again = payments.open(order.id(), "alipay", T0.plusSeconds(2));

        assertThat(first.tradeNo()).isEqualTo(order.displayId().replace('-', '_') + "_1");
        assertThat(first.expiresAt()).isEqualTo(DEADLINE);
        assertThat(first.amount()).isEqualByComparingTo("19.98");
        assertThat(first.status()).isEqualTo(PaymentAttempt.Status.OPEN);
        assertThat(again).isEqualTo(new OpenResult.AlreadyOpen(first));
    }

    @Test
    void theChannelMayShortenTheAttemptsExpiryButNeverExtendIt() {
        PaymentAttempt attempt = opened(T0.plusSeconds(1));
        Instant toTheSecond = Instant.parse("2026-11-24T19:50:00Z");

        payments.openedAtChannel(attempt.tradeNo(), "https://pay.example/qr/1", toTheSecond);
        PaymentAttempt shortened = payments.find(attempt.tradeNo()).orElseThrow();
        payments.openedAtChannel(attempt.tradeNo(), "https://pay.example/qr/1", DEADLINE.plusSeconds(1));

        assertThat(shortened.expiresAt()).isEqualTo(toTheSecond);
        assertThat(shortened.payUrl()).isEqualTo("https://pay.example/qr/1");
        assertThat(payments.find(attempt.tradeNo()).orElseThrow().expiresAt()).isEqualTo(toTheSecond);
    }

    @Test
    void refusesToOpenOnAnOrderOverdueOrNotPending() {
        Order paid = shop().paid(shop().places(anOrder().of("TEA-1", 1).pendingUntil(DEADLINE)), T0);

        assertThat(payments.open(order.id(), "alipay", DEADLINE)).isInstanceOf(OpenResult.Refused.class);
        assertThat(payments.open(paid.id(), "alipay", T0)).isInstanceOf(OpenResult.Refused.class);
        assertThat(payments.attemptsOf(order.id())).isEmpty();
    }

    @Test
    void anOrderWithAnOpenAttemptIsNeverClosedByTheBatchTheSweeperOrACancel() {
        opened(T0);

        List<Order> byBatch =
                shop().orders().applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, new long[] {order.id()}, AFTER_DEADLINE);
        List<Order> bySweeper =
                shop().orders().sweepDue(OrderTransition.CLOSE_FOR_TIMEOUT, AFTER_DEADLINE, 10, AFTER_DEADLINE);
        TransitionResult cancel = shop().orders().apply(OrderTransition.CANCEL, order.id(), T0);

        assertThat(byBatch).isEmpty();
        assertThat(bySweeper).isEmpty();
        assertThat(cancel).isInstanceOf(TransitionResult.WrongStatus.class);
        assertThat(shop().orders().dueWithOpenAttempt(new long[] {order.id()}, AFTER_DEADLINE))
                .containsExactly(order.id());
        assertThat(shop().order(order.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void aPaymentPaysThePendingOrderOnceAndARepeatChangesNothing() {
        PaymentAttempt attempt = opened(T0);

        Recorded first = payments.recordPayment(
                attempt.tradeNo(), new BigDecimal("19.98"), "ch-1", T0.plusSeconds(5), T0.plusSeconds(6));
        Recorded second = payments.recordPayment(
                attempt.tradeNo(), new BigDecimal("19.98"), "ch-1", T0.plusSeconds(5), T0.plusSeconds(9));

        assertThat(first).isInstanceOf(Recorded.Paid.class);
        assertThat(((Recorded.Paid) first).order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(second).isInstanceOf(Recorded.AlreadyRecorded.class);
        assertThat(types(order)).containsExactly("order.created", "order.paid");
        assertThat(shop().product("TEA-1").sold()).isEqualTo(2);
        assertThat(payments.openAttemptOf(order.id())).isEmpty();
        shop().assertStockConserved();
    }

    @Test
    void anotherAmountOrAnUnknownTradeChangesNothing() {
        PaymentAttempt attempt = opened(T0);

        assertThat(payments.recordPayment(attempt.tradeNo(), new BigDecimal("0.01"), "ch-1", T0, T0))
                .isInstanceOf(Recorded.AmountMismatch.class);
        assertThat(payments.recordPayment("ORD-0000000000-9", new BigDecimal("19.98"), "ch-1", T0, T0))
                .isInstanceOf(Recorded.UnknownTrade.class);
        assertThat(payments.find(attempt.tradeNo()).orElseThrow()).isEqualTo(attempt);
        assertThat(types(order)).containsExactly("order.created");
    }

    @Test
    void closingThroughTheAttemptClosesItAndTheOverdueOrderOnce() {
        PaymentAttempt attempt = opened(T0);

        TransitionResult early = payments.closeForTimeout(attempt.tradeNo(), DEADLINE.minusMillis(1));
        TransitionResult onTime = payments.closeForTimeout(attempt.tradeNo(), AFTER_DEADLINE);
        TransitionResult again = payments.closeForTimeout(attempt.tradeNo(), AFTER_DEADLINE);

        assertThat(early).isInstanceOf(TransitionResult.WrongStatus.class);
        assertThat(onTime).isInstanceOf(TransitionResult.Applied.class);
        assertThat(again).isInstanceOf(TransitionResult.WrongStatus.class);
        assertThat(payments.find(attempt.tradeNo()).orElseThrow().status()).isEqualTo(PaymentAttempt.Status.CLOSED);
        assertThat(types(order)).containsExactly("order.created", "order.closed");
        shop().assertStockConserved();
    }

    @Test
    void moneyForAClosedOrderIsDueBackUnderAFixedNumberAndRefundedOnce() {
        PaymentAttempt attempt = opened(T0);
        payments.closeForTimeout(attempt.tradeNo(), AFTER_DEADLINE);

        Recorded late = payments.recordPayment(
                attempt.tradeNo(), new BigDecimal("19.98"), "ch-1", AFTER_DEADLINE, AFTER_DEADLINE);
        Recorded repeat = payments.recordPayment(
                attempt.tradeNo(), new BigDecimal("19.98"), "ch-1", AFTER_DEADLINE, AFTER_DEADLINE);
        List<PaymentAttempt> due = payments.refundsDue(10);
        boolean refunded = payments.refunded(attempt.tradeNo(), AFTER_DEADLINE.plusSeconds(5))
                .isPresent();
        boolean refundedAgain = payments.refunded(attempt.tradeNo(), AFTER_DEADLINE.plusSeconds(9))
                .isPresent();

        assertThat(late).isInstanceOf(Recorded.RefundDue.class);
        assertThat(repeat).isInstanceOf(Recorded.AlreadyRecorded.class);
        assertThat(due).singleElement().satisfies(a -> {
            assertThat(a.refund().requestNo()).isEqualTo("RF_" + attempt.tradeNo());
            assertThat(a.refund().status()).isEqualTo(PaymentAttempt.RefundStatus.REFUND_PENDING);
            assertThat(a.refund().amount()).isEqualByComparingTo("19.98");
        });
        assertThat(refunded).isTrue();
        assertThat(refundedAgain).isFalse();
        assertThat(payments.refundsDue(10)).isEmpty();
        assertThat(shop().order(order.id()).status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(types(order)).containsExactly("order.created", "order.closed", "order.refunded");
        shop().assertStockConserved();
    }

    @Test
    void thePagesRefundsComeInOneLookupOnlyForOrdersWithMoneyToGiveBack() {
        PaymentAttempt late = opened(T0);
        payments.closeForTimeout(late.tradeNo(), AFTER_DEADLINE);
        payments.recordPayment(late.tradeNo(), new BigDecimal("19.98"), "ch-1", AFTER_DEADLINE, AFTER_DEADLINE);
        Order other = shop().places(anOrder().of("TEA-1", 1).pendingUntil(DEADLINE));
        payments.open(other.id(), "alipay", T0);

        List<PaymentAttempt> refunds = payments.refundedAttemptsOf(new long[] {order.id(), other.id(), 424242L});

        assertThat(refunds).singleElement().satisfies(attempt -> {
            assertThat(attempt.tradeNo()).isEqualTo(late.tradeNo());
            assertThat(attempt.refund().status()).isEqualTo(PaymentAttempt.RefundStatus.REFUND_PENDING);
        });
        assertThat(payments.refundedAttemptsOf(new long[0])).isEmpty();
    }

    @Test
    void cancellingThroughTheAttemptClosesItAndTheOrder() {
        PaymentAttempt attempt = opened(T0);

        TransitionResult result = payments.cancel(attempt.tradeNo(), T0.plusSeconds(3));

        assertThat(result).isInstanceOf(TransitionResult.Applied.class);
        assertThat(shop().order(order.id()).status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(payments.openAttemptOf(order.id())).isEmpty();
    }

    @Test
    void findsAttemptsOpenLongerThanAnAgePageByPage() {
        Order second = shop().places(anOrder().of("TEA-1", 1).pendingUntil(DEADLINE));
        Order young = shop().places(anOrder().of("TEA-1", 1).pendingUntil(DEADLINE));
        PaymentAttempt a = opened(T0);
        PaymentAttempt b = ((OpenResult.Opened) payments.open(second.id(), "alipay", T0.plusSeconds(1))).attempt();
        payments.open(young.id(), "alipay", T0.plusSeconds(100));

        List<PaymentAttempt> first = payments.openSince(T0.plusSeconds(10), null, null, 1);
        List<PaymentAttempt> next = payments.openSince(
                T0.plusSeconds(10), first.get(0).openedAt(), first.get(0).tradeNo(), 1);
        List<PaymentAttempt> last = payments.openSince(
                T0.plusSeconds(10), next.get(0).openedAt(), next.get(0).tradeNo(), 1);

        assertThat(first).containsExactly(a);
        assertThat(next).containsExactly(b);
        assertThat(last).isEmpty();
    }

    @Test
    void closingAnAttemptAloneLeavesTheOrderPendingForAnAttemptOnAnotherChannel() {
        PaymentAttempt alipay = opened(T0);

        PaymentAttempt closed =
                payments.closeAttempt(alipay.tradeNo(), T0.plusSeconds(5)).orElseThrow();
        PaymentAttempt closedAgain =
                payments.closeAttempt(alipay.tradeNo(), T0.plusSeconds(6)).orElseThrow();
        OpenResult wechat = payments.open(order.id(), "wechat", T0.plusSeconds(7));

        assertThat(closed.status()).isEqualTo(PaymentAttempt.Status.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(closedAgain).isEqualTo(closed);
        assertThat(payments.closeAttempt("NO_SUCH_TRADE", T0)).isEmpty();
        assertThat(shop().order(order.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(wechat).isInstanceOf(OpenResult.Opened.class);
        assertThat(((OpenResult.Opened) wechat).attempt().tradeNo())
                .isEqualTo(order.displayId().replace('-', '_') + "_2");
        assertThat(((OpenResult.Opened) wechat).attempt().channel()).isEqualTo("wechat");
    }

    @Test
    void moneyThroughBothChannelsKeepsTheFirstAndOwesTheSecondBack() {
        PaymentAttempt alipay = opened(T0);
        payments.closeAttempt(alipay.tradeNo(), T0.plusSeconds(1));
        PaymentAttempt wechat = ((OpenResult.Opened) payments.open(order.id(), "wechat", T0.plusSeconds(2))).attempt();

        Recorded first = payments.recordPayment(
                alipay.tradeNo(), new BigDecimal("19.98"), "a-1", T0.plusSeconds(3), T0.plusSeconds(3));
        Recorded second = payments.recordPayment(
                wechat.tradeNo(), new BigDecimal("19.98"), "w-1", T0.plusSeconds(4), T0.plusSeconds(4));

        assertThat(first).isInstanceOf(Recorded.Paid.class);
        assertThat(second).isInstanceOf(Recorded.RefundDue.class);
        assertThat(((Recorded.RefundDue) second).attempt().refund().requestNo()).isEqualTo("RF_" + wechat.tradeNo());
        assertThat(payments.openAttemptOf(order.id())).isEmpty();
        assertThat(shop().order(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(types(order)).containsExactly("order.created", "order.paid");
        assertThat(payments.tallyByChannel())
                .containsExactly(new ChannelTally("alipay", 1, 0, 1, 0, 0), new ChannelTally("wechat", 1, 0, 1, 1, 0));
    }

    @Test
    void aClosedAttemptIsLookedAtAgainOnceAfterItsClose() {
        PaymentAttempt attempt = opened(T0);
        payments.closeAttempt(attempt.tradeNo(), T0.plusSeconds(10));

        List<PaymentAttempt> tooEarly = payments.closedUnchecked(T0.plusSeconds(9), null, null, 10);
        List<PaymentAttempt> due = payments.closedUnchecked(T0.plusSeconds(10), null, null, 10);
        payments.rechecked(attempt.tradeNo(), T0.plusSeconds(20));
        List<PaymentAttempt> afterLook = payments.closedUnchecked(T0.plusSeconds(30), null, null, 10);

        assertThat(tooEarly).isEmpty();
        assertThat(due).extracting(PaymentAttempt::tradeNo).containsExactly(attempt.tradeNo());
        assertThat(afterLook).isEmpty();
    }

    @Test
    void closingOrCancellingThroughATradeThatDoesNotExistIsTheCallersBugAndChangesNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> payments.closeForTimeout("NO_SUCH_1", AFTER_DEADLINE));
        assertThatIllegalArgumentException().isThrownBy(() -> payments.cancel("NO_SUCH_1", T0.plusSeconds(1)));

        assertThat(shop().order(order.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(types(order)).containsExactly("order.created");
    }

    @Test
    void aPayUrlForATradeThatDoesNotExistIsABugNotASilentNoOp() {
        assertThatIllegalStateException()
                .isThrownBy(() -> payments.openedAtChannel("NO_SUCH_1", "https://pay.example/qr/1", DEADLINE));
    }

    private PaymentAttempt opened(Instant at) {
        OpenResult result = payments.open(order.id(), "alipay", at);
        assertThat(result).isInstanceOf(OpenResult.Opened.class);
        return ((OpenResult.Opened) result).attempt();
    }

    private List<String> types(Order of) {
        return shop().eventsOf(of).stream().map(StoredEvent::type).toList();
    }
}
