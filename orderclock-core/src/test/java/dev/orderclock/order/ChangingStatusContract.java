package dev.orderclock.order;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link OrderStore#apply}: each transition's stock effect, exactly one event, and typed refusals. */
public interface ChangingStatusContract extends ShopTests {

    Instant DEADLINE = T0.plus(Duration.ofMinutes(30));

    @Test
    default void payingAPendingOrderTurnsItsReservationIntoASaleAndWritesOnePaidEvent() {
        // given
        shop().hasProduct("TEA-1", "9.99", 10);
        Order order = shop().places(anOrder().of("TEA-1", 2).pendingUntil(DEADLINE));
        Instant paidAt = T0.plusSeconds(60);
        // when
        TransitionResult result = shop().orders().apply(OrderTransition.PAY, order.id(), paidAt);
        // then
        assertThat(result).isInstanceOfSatisfying(TransitionResult.Applied.class, applied -> {
            assertThat(applied.order().status()).isEqualTo(OrderStatus.PAID);
            assertThat(applied.order().paidAt()).isEqualTo(paidAt);
            assertThat(applied.order().lines()).isEqualTo(order.lines());
            assertThat(shop().order(order.id())).isEqualTo(applied.order());
        });
        assertThat(shop().product("TEA-1")).satisfies(tea -> {
            assertThat(tea.available()).isEqualTo(8);
            assertThat(tea.sold()).isEqualTo(2);
        });
        assertThat(shop().eventsOf(order)).extracting(StoredEvent::type).containsExactly("order.created", "order.paid");
        shop().assertStockConserved();
    }

    @Test
    default void cancellingAPendingOrderReturnsItsStockAndWritesOneClosedEvent() {
        // given
        shop().hasProduct("TEA-1", "9.99", 10);
        Order order = shop().places(anOrder().of("TEA-1", 3).pendingUntil(DEADLINE));
        // when
        Order cancelled = shop().cancelled(order, T0.plusSeconds(5));
        // then
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(cancelled.closeReason()).isEqualTo(CloseReason.USER_CANCELLED);
        assertThat(cancelled.closedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(shop().product("TEA-1").available()).isEqualTo(10);
        assertThat(shop().product("TEA-1").sold()).isZero();
        assertThat(shop().eventsOf(order))
                .extracting(StoredEvent::payload)
                .containsExactly(
                        PlainEventFormat.expected(EventType.ORDER_CREATED, order),
                        PlainEventFormat.expected(EventType.ORDER_CLOSED, cancelled));
        shop().assertStockConserved();
    }

    @Test
    default void shippingAPaidOrderStartsItsConfirmDeadlineAndLeavesTheStockAlone() {
        // given
        shop().hasProduct("TEA-1", "9.99", 10);
        Order paid = shop().paid(shop().places(anOrder().of("TEA-1", 2).pendingUntil(DEADLINE)), T0.plusSeconds(1));
        Instant shippedAt = T0.plus(Duration.ofHours(5));
        // when
        Order shipped = shop().shipped(paid, shippedAt);
        // then
        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.shippedAt()).isEqualTo(shippedAt);
        assertThat(shipped.confirmDeadline()).isEqualTo(shippedAt.plus(StoreSuite.CONFIRM_PERIOD));
        assertThat(shipped.paidAt()).isEqualTo(paid.paidAt());
        assertThat(shop().product("TEA-1").sold()).isEqualTo(2);
        assertThat(shop().eventsOf(paid)).extracting(StoredEvent::type).endsWith("order.shipped");
        shop().assertStockConserved();
    }

    @Test
    default void confirmingAShippedOrderCompletesIt() {
        // given
        shop().hasProduct("TEA-1", "9.99", 10);
        Order order = shop().places(anOrder().of("TEA-1", 1).pendingUntil(DEADLINE));
        Order shipped = shop().shipped(shop().paid(order, T0.plusSeconds(1)), T0.plusSeconds(2));
        // when
        Order completed = shop().applied(OrderTransition.CONFIRM, shipped, T0.plusSeconds(3));
        // then
        assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(completed.completedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(shop().eventsOf(order))
                .extracting(StoredEvent::payload)
                .containsExactly(
                        PlainEventFormat.expected(EventType.ORDER_CREATED, order),
                        "order.paid " + order.displayId() + " PAID",
                        "order.shipped " + order.displayId() + " SHIPPED",
                        PlainEventFormat.expected(EventType.ORDER_COMPLETED, completed));
        assertThat(shop().product("TEA-1").sold()).isEqualTo(1);
    }

    @Test
    default void aTransitionFromAnotherStatusChangesNothingAndAnswersTheOrderAsItIs() {
        // given
        shop().hasProduct("TEA-1", "9.99", 10);
        Order cancelled =
                shop().cancelled(shop().places(anOrder().of("TEA-1", 2).pendingUntil(DEADLINE)), T0);
        // when
        TransitionResult result = shop().orders().apply(OrderTransition.PAY, cancelled.id(), T0.plusSeconds(1));
        // then
        assertThat(result).isEqualTo(new TransitionResult.WrongStatus(cancelled));
        assertThat(shop().order(cancelled.id())).isEqualTo(cancelled);
        assertThat(shop().product("TEA-1").available()).isEqualTo(10);
        assertThat(shop().product("TEA-1").sold()).isZero();
        assertThat(shop().eventsOf(cancelled))
                .extracting(StoredEvent::type)
                .containsExactly("order.created", "order.closed");
    }

    @Test
    default void aTransitionOfAnUnknownOrderAnswersNotFound() {
        long unknown = OrderId.parse("ORD-0000000042").getAsLong();
        assertThat(shop().orders().apply(OrderTransition.CANCEL, unknown, T0))
                .isEqualTo(new TransitionResult.NotFound(unknown));
        assertThat(shop().events()).isEmpty();
    }

    @Test
    default void aPaymentAfterTheDeadlineStillWinsWhileTheOrderIsPending() {
        // given: the deadline passed, but nothing has closed the order yet
        shop().hasProduct("TEA-1", "9.99", 10);
        Order order = shop().places(anOrder().of("TEA-1", 2).pendingUntil(DEADLINE));
        // when
        Order paid = shop().paid(order, DEADLINE.plusSeconds(3));
        // then: the late close finds nothing to close
        assertThat(shop().orders()
                        .applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, new long[] {order.id()}, DEADLINE.plusSeconds(4)))
                .isEmpty();
        assertThat(shop().order(order.id())).isEqualTo(paid);
        assertThat(shop().product("TEA-1").sold()).isEqualTo(2);
        shop().assertStockConserved();
    }
}
