package dev.orderclock.order;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link OrderStore#list} and the counts: newest first, a cursor, filters by user and status. */
public interface ListingOrdersContract extends ShopTests {

    @Test
    default void listingShowsTheNewestFirstAndPagesByTheCursor() {
        // given
        shop().hasProduct("TEA-1", "9.99", 100);
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(shop().places(anOrder().forUser("u-" + i).of("TEA-1", 1)).id());
        }
        // when
        OrderPage first = shop().orders().list(new OrderQuery(null, null, 2, null));
        OrderPage second = shop().orders().list(new OrderQuery(null, null, 2, first.next()));
        OrderPage last = shop().orders().list(new OrderQuery(null, null, 2, second.next()));
        // then
        assertThat(first.orders()).extracting(Order::id).containsExactly(placed.get(4), placed.get(3));
        assertThat(second.orders()).extracting(Order::id).containsExactly(placed.get(2), placed.get(1));
        assertThat(last.orders()).extracting(Order::id).containsExactly(placed.get(0));
        assertThat(first.next()).isNotNull();
        assertThat(last.next()).isNull();
        assertThat(first.orders()).allSatisfy(order -> assertThat(order.lines()).hasSize(1));
    }

    @Test
    default void aFullLastPageStillHasACursorAndThePageAfterItIsEmpty() {
        // given
        shop().hasProduct("TEA-1", "9.99", 100);
        shop().places(anOrder().of("TEA-1", 1));
        shop().places(anOrder().of("TEA-1", 1));
        // when
        OrderPage full = shop().orders().list(new OrderQuery(null, null, 2, null));
        OrderPage after = shop().orders().list(new OrderQuery(null, null, 2, full.next()));
        // then
        assertThat(full.orders()).hasSize(2);
        assertThat(full.next()).isNotNull();
        assertThat(after).isEqualTo(new OrderPage(List.of(), null));
    }

    @Test
    default void listingFiltersByUserAndByStatus() {
        // given
        shop().hasProduct("TEA-1", "9.99", 100);
        Order alicePending = shop().places(anOrder().forUser("alice").of("TEA-1", 1));
        Order alicePaid = shop().paid(shop().places(anOrder().forUser("alice").of("TEA-1", 1)), T0);
        Order bobPaid = shop().paid(shop().places(anOrder().forUser("bob").of("TEA-1", 1)), T0);
        // when
        OrderPage alices = shop().orders().list(new OrderQuery("alice", null, 10, null));
        OrderPage paid = shop().orders().list(new OrderQuery(null, OrderStatus.PAID, 10, null));
        OrderPage alicesPaid = shop().orders().list(new OrderQuery("alice", OrderStatus.PAID, 10, null));
        OrderPage carols = shop().orders().list(new OrderQuery("carol", null, 10, null));
        // then
        assertThat(alices.orders()).containsExactly(alicePaid, alicePending);
        assertThat(paid.orders()).containsExactly(bobPaid, alicePaid);
        assertThat(alicesPaid.orders()).containsExactly(alicePaid);
        assertThat(carols.orders()).isEmpty();
    }

    @Test
    default void countByStatusNamesEveryStatusEvenWhenThereIsNone() {
        assertThat(shop().orders().countByStatus())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        OrderStatus.PENDING_PAYMENT,
                        0L,
                        OrderStatus.PAID,
                        0L,
                        OrderStatus.SHIPPED,
                        0L,
                        OrderStatus.COMPLETED,
                        0L,
                        OrderStatus.CLOSED,
                        0L));
    }

    @Test
    default void countsTellStatusesAndCloseReasonsApart() {
        // given
        shop().hasProduct("TEA-1", "9.99", 100);
        shop().places(anOrder().of("TEA-1", 1));
        shop().paid(shop().places(anOrder().of("TEA-1", 1)), T0);
        shop().cancelled(shop().places(anOrder().of("TEA-1", 1)), T0);
        Order overdue = shop().places(anOrder().of("TEA-1", 1).pendingUntil(T0));
        shop().places(anOrder().of("TEA-1", 1).pendingUntil(T0.plusSeconds(60)));
        shop().orders().applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, new long[] {overdue.id()}, T0);
        // when
        Map<OrderStatus, Long> byStatus = shop().orders().countByStatus();
        // then
        assertThat(byStatus)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        OrderStatus.PENDING_PAYMENT,
                        2L,
                        OrderStatus.PAID,
                        1L,
                        OrderStatus.SHIPPED,
                        0L,
                        OrderStatus.COMPLETED,
                        0L,
                        OrderStatus.CLOSED,
                        2L));
        assertThat(shop().orders().countClosedFor(CloseReason.PAYMENT_TIMEOUT)).isEqualTo(1);
        assertThat(shop().orders().countClosedFor(CloseReason.USER_CANCELLED)).isEqualTo(1);
    }
}
