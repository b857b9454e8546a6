package dev.orderclock.jdbc;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.StoreSuite;
import dev.orderclock.payment.OpenResult;
import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.payment.TradeState;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link JdbcPaymentStore}: mismatched attempts end with their money refunded, and an order's attempts are limited. */
abstract class MismatchedAttemptsContract extends StoreSuite {

    static final Instant T0 = Instant.parse("2026-11-24T19:20:00.123Z");
    static final Instant DEADLINE = T0.plus(Duration.ofMinutes(30));
    static final TradeState.Paid TOOK_MORE = new TradeState.Paid("ch-7", new BigDecimal("29.98"), T0.plusSeconds(30));

    JdbcPaymentStore payments;
    Order order;

    @BeforeEach
    void aPendingOrder() {
        payments = new JdbcPaymentStore(((JdbcOrderStore) shop().orders()).storage());
        shop().hasProduct("TEA-1", "9.99", 100);
        order = shop().places(anOrder().of("TEA-1", 2).pendingUntil(DEADLINE));
    }

    @Test
    void aMismatchedTradeWithMoneyFreesTheOrderAndMakesExactlyThatMoneyDueBackOnce() {
        PaymentAttempt attempt = opened(T0, Integer.MAX_VALUE);

        PaymentAttempt marked = payments.markMismatched(attempt.tradeNo(), TOOK_MORE, T0.plusSeconds(40))
                .orElseThrow();

        assertThat(marked.status()).isEqualTo(PaymentAttempt.Status.MISMATCHED);
        assertThat(marked.refund())
                .isEqualTo(new PaymentAttempt.Refund(
                        "RF_" + attempt.tradeNo(),
                        PaymentAttempt.RefundStatus.REFUND_PENDING,
                        new BigDecimal("29.98"),
                        null));
        assertThat(marked.channelTradeNo()).isEqualTo("ch-7");
        assertThat(payments.markMismatched(attempt.tradeNo(), TOOK_MORE, T0.plusSeconds(50)))
                .isEmpty();
        assertThat(payments.openAttemptOf(order.id())).isEmpty();
        assertThat(payments.refundsDue(10)).extracting(PaymentAttempt::tradeNo).containsExactly(attempt.tradeNo());
        assertThat(shop().order(order.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void theOrderOfAMismatchedTradeClosesAtItsDeadlineAsAnyUnpaidOneAndItsStockComesBack() {
        PaymentAttempt attempt = opened(T0, Integer.MAX_VALUE);
        payments.markMismatched(attempt.tradeNo(), TOOK_MORE, T0.plusSeconds(40));

        List<Order> closed = shop().orders()
                .applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, new long[] {order.id()}, DEADLINE.plusSeconds(1));
        payments.refunded(attempt.tradeNo(), DEADLINE.plusSeconds(2));

        assertThat(closed).extracting(Order::status).containsExactly(OrderStatus.CLOSED);
        assertThat(shop().product("TEA-1").available()).isEqualTo(100);
        assertThat(payments.find(attempt.tradeNo()).orElseThrow().refund().status())
                .isEqualTo(PaymentAttempt.RefundStatus.REFUNDED);
        assertThat(payments.refundsDue(10)).isEmpty();
        shop().assertStockConserved();
    }

    @Test
    void aClosedAttemptMismatchedWithoutMoneyIsNotLookedAtAgainAndAPaidOneIsNeverMarked() {
        PaymentAttempt closed = opened(T0, Integer.MAX_VALUE);
        payments.closeAttempt(closed.tradeNo(), T0.plusSeconds(5));
        PaymentAttempt paid = opened(T0.plusSeconds(6), Integer.MAX_VALUE);
        payments.recordPayment(paid.tradeNo(), new BigDecimal("19.98"), "ch-1", T0.plusSeconds(7), T0.plusSeconds(7));

        assertThat(payments.markMismatched(closed.tradeNo(), null, T0.plusSeconds(8)))
                .hasValueSatisfying(marked -> assertThat(marked.refund()).isNull());
        assertThat(payments.markMismatched(paid.tradeNo(), TOOK_MORE, T0.plusSeconds(8)))
                .isEmpty();
        assertThat(payments.closedUnchecked(T0.plusSeconds(60), null, null, 10)).isEmpty();
        assertThat(shop().order(order.id()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void beyondTheLimitNoAttemptOpensWhileTheOpenOneIsStillAnswered() {
        PaymentAttempt first = opened(T0, 2);
        payments.closeAttempt(first.tradeNo(), T0.plusSeconds(1));
        PaymentAttempt second = opened(T0.plusSeconds(2), 2);

        OpenResult again = payments.open(order.id(), "alipay", T0.plusSeconds(3), 2);
        OpenResult switching = payments.open(order.id(), "wechat", T0.plusSeconds(3), 2);
        payments.closeAttempt(second.tradeNo(), T0.plusSeconds(4));
        OpenResult third = payments.open(order.id(), "wechat", T0.plusSeconds(5), 2);

        assertThat(again).isEqualTo(new OpenResult.AlreadyOpen(second));
        assertThat(switching).isInstanceOf(OpenResult.LimitReached.class);
        assertThat(third)
                .isInstanceOfSatisfying(
                        OpenResult.LimitReached.class,
                        limit -> assertThat(limit.limit()).isEqualTo(2));
        assertThat(payments.attemptsOf(order.id())).hasSize(2);
        assertThat(payments.openAttemptOf(order.id())).isEmpty();
        assertThat(shop().orders().dueWithOpenAttempt(new long[] {order.id()}, DEADLINE.plusSeconds(1)))
                .isEmpty();
    }

    private PaymentAttempt opened(Instant at, int limit) {
        OpenResult result = payments.open(order.id(), "alipay", at, limit);
        assertThat(result).isInstanceOf(OpenResult.Opened.class);
        return ((OpenResult.Opened) result).attempt();
    }
}
