package dev.orderclock.jdbc;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.StoreSuite;
import dev.orderclock.order.TimeoutBatch;
import dev.orderclock.payment.OpenResult;
import dev.orderclock.payment.PaymentAttempt;
import dev.orderclock.payment.Recorded;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static dev.orderclock.testing.Race.runTogether;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing for timeout and claiming orders held by an open attempt, in one transaction: the wheel's
 * batch and the sweeper close what has no attempt and hand over what has one, each order once per
 * check claim, whichever node asks; a claim never stands in the way of a payment.
 */
abstract class OpenAttemptClaimsContract extends StoreSuite {

    static final Instant T0 = Instant.parse("2026-12-06T12:00:00.123Z");
    static final Instant DEADLINE = T0.plus(Duration.ofMinutes(30));
    static final Instant AFTER = DEADLINE.plusSeconds(10);
    static final Duration CLAIM = Duration.ofSeconds(10);

    JdbcPaymentStore payments;

    @BeforeEach
    void products() {
        payments = new JdbcPaymentStore(((JdbcOrderStore) shop().orders()).storage());
        shop().hasProduct("TEA-1", "9.99", 1_000);
    }

    @Test
    void theClosingBatchClosesOrdersWithoutAnAttemptAndClaimsThoseWithOne() {
        // given an order with an open attempt and one without, both overdue
        Order held = withOpenAttempt();
        Order plain = shop().places(anOrder().of("TEA-1", 1).pendingUntil(DEADLINE));

        // when one batch fires both
        TimeoutBatch batch = shop().orders()
                .closeDueForTimeout(new long[] {held.id(), plain.id()}, InstantSource.fixed(AFTER), CLAIM);

        // then the plain one is closed with its event, the held one is claimed and stays pending
        assertThat(batch.closed()).extracting(Order::id).containsExactly(plain.id());
        assertThat(batch.heldByAttempt()).containsExactly(held.id());
        assertThat(shop().order(held.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(shop().eventsOf(held)).extracting("type").doesNotContain("order.closed");
        shop().assertStockConserved();

        // and no sweeper hands the held one over while its claim runs
        TimeoutBatch swept = shop().orders()
                .sweepDueForTimeout(
                        AFTER.plusSeconds(5),
                        10,
                        InstantSource.fixed(AFTER.plus(CLAIM).minusMillis(1)),
                        CLAIM);
        assertThat(swept.size()).isZero();
    }

    @Test
    void theSweeperHandsAnOverdueOrderWithAnAttemptOverOnceUntilItsClaimPasses() {
        // given an overdue order with an open attempt that no batch fired (its deadline was lost)
        Order held = withOpenAttempt();

        // when the sweeper looks twice within the claim, and once after it
        TimeoutBatch first = shop().orders().sweepDueForTimeout(AFTER, 10, InstantSource.fixed(AFTER), CLAIM);
        TimeoutBatch second = shop().orders()
                .sweepDueForTimeout(AFTER.plusSeconds(1), 10, InstantSource.fixed(AFTER.plusSeconds(1)), CLAIM);
        TimeoutBatch third = shop().orders()
                .sweepDueForTimeout(AFTER.plus(CLAIM), 10, InstantSource.fixed(AFTER.plus(CLAIM)), CLAIM);

        // then it was handed over the first time and again once the claim had passed, never closed
        assertThat(first.heldByAttempt()).containsExactly(held.id());
        assertThat(second.heldByAttempt()).isEmpty();
        assertThat(third.heldByAttempt()).containsExactly(held.id());
        assertThat(first.closed()).isEmpty();
        assertThat(third.closed()).isEmpty();
        assertThat(shop().order(held.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    }

    @Test
    void claimedOrdersDoNotFillTheSweepersBatch() {
        // given two claimed orders with attempts, due before an order without one
        Order first = withOpenAttempt();
        Order second = withOpenAttempt();
        Order plain = shop().places(anOrder().of("TEA-1", 1).pendingUntil(DEADLINE.plusSeconds(1)));
        assertThat(shop().orders()
                        .sweepDueForTimeout(AFTER, 2, InstantSource.fixed(AFTER), CLAIM)
                        .heldByAttempt())
                .containsExactlyInAnyOrder(first.id(), second.id());

        // when the sweeper claims one row
        TimeoutBatch next = shop().orders().sweepDueForTimeout(AFTER, 1, InstantSource.fixed(AFTER), CLAIM);

        // then it is the order it can close
        assertThat(next.closed()).extracting(Order::id).containsExactly(plain.id());
    }

    @Test
    void aPaymentAfterTheHandOverStillPaysTheOrderAndNothingHandsItOverAgain() {
        // given an order claimed for a check
        Order held = withOpenAttempt();
        PaymentAttempt attempt = payments.openAttemptOf(held.id()).orElseThrow();
        shop().orders().sweepDueForTimeout(AFTER, 10, InstantSource.fixed(AFTER), CLAIM);

        // when the channel's notification of a payment made before the deadline arrives
        Recorded recorded = payments.recordPayment(
                attempt.tradeNo(), new BigDecimal("9.99"), "ch-1", DEADLINE.minusSeconds(1), AFTER.plusSeconds(1));

        // then the order is paid, and after the claim the sweeper finds nothing
        assertThat(recorded).isInstanceOf(Recorded.Paid.class);
        assertThat(shop().order(held.id()).status()).isEqualTo(OrderStatus.PAID);
        TimeoutBatch later = shop().orders()
                .sweepDueForTimeout(AFTER.plus(CLAIM), 10, InstantSource.fixed(AFTER.plus(CLAIM)), CLAIM);
        assertThat(later.size()).isZero();
        shop().assertStockConserved();
    }

    @Test
    void twoSweepersHandEachOrderWithAnAttemptOverOnceAndCloseEachOtherOnce() {
        // given a backlog of overdue orders, every other one with an open attempt
        List<Long> heldIds = new ArrayList<>();
        List<Long> plainIds = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (i % 2 == 0) {
                heldIds.add(withOpenAttempt().id());
            } else {
                plainIds.add(shop().places(anOrder().of("TEA-1", 1).pendingUntil(DEADLINE))
                        .id());
            }
        }
        Queue<Long> handedOver = new ConcurrentLinkedQueue<>();
        Queue<Long> closed = new ConcurrentLinkedQueue<>();
        Runnable sweeper = () -> {
            TimeoutBatch batch;
            do {
                batch = shop().orders().sweepDueForTimeout(AFTER, 7, InstantSource.fixed(AFTER), CLAIM);
                batch.closed().forEach(o -> closed.add(o.id()));
                for (long id : batch.heldByAttempt()) {
                    handedOver.add(id);
                }
            } while (batch.size() > 0);
        };

        // when two nodes sweep at once
        runTogether(List.of(sweeper, sweeper));

        // then each order with an attempt was handed over once, each other closed once
        assertThat(handedOver).containsExactlyInAnyOrderElementsOf(heldIds);
        assertThat(closed).containsExactlyInAnyOrderElementsOf(plainIds);
        shop().assertStockConserved();
    }

    private Order withOpenAttempt() {
        Order order = shop().places(anOrder().of("TEA-1", 1).pendingUntil(DEADLINE));
        assertThat(payments.open(order.id(), "alipay", T0)).isInstanceOf(OpenResult.Opened.class);
        return order;
    }
}
