package dev.orderclock.order;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OrderStore#applyDue} and {@link OrderStore#sweepDue}: only unpaid, only overdue, once. */
public interface FiringDeadlinesContract extends ShopTests {

    @Test
    default void applyDueClosesOnlyOrdersStillPendingWhoseDeadlinePassed() {
        // given
        Instant now = T0.plus(Duration.ofHours(1));
        shop().hasProduct("TEA-1", "9.99", 100);
        Order overdue = shop().places(anOrder().of("TEA-1", 1).pendingUntil(now.minusSeconds(60)));
        Order dueNow = shop().places(anOrder().of("TEA-1", 2).pendingUntil(now));
        Order cancelled =
                shop().cancelled(shop().places(anOrder().of("TEA-1", 4).pendingUntil(now.minusSeconds(60))), T0);
        Order paid = shop().paid(shop().places(anOrder().of("TEA-1", 8).pendingUntil(now.minusSeconds(60))), T0);
        Order future = shop().places(anOrder().of("TEA-1", 16).pendingUntil(now.plusMillis(1)));
        long unknown = OrderId.parse("ORD-00000000ZZ").getAsLong();
        long[] ids = {future.id(), paid.id(), overdue.id(), unknown, cancelled.id(), dueNow.id()};
        // when
        List<Order> closed = shop().orders().applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, ids, now);
        // then
        assertThat(closed).extracting(Order::id).containsExactlyInAnyOrder(overdue.id(), dueNow.id());
        assertThat(closed).allSatisfy(order -> {
            assertThat(order.status()).isEqualTo(OrderStatus.CLOSED);
            assertThat(order.closeReason()).isEqualTo(CloseReason.PAYMENT_TIMEOUT);
            assertThat(order.closedAt()).isEqualTo(now);
            assertThat(order.lines()).isNotEmpty();
            assertThat(shop().order(order.id())).isEqualTo(order);
        });
        assertThat(shop().order(cancelled.id())).isEqualTo(cancelled);
        assertThat(shop().order(paid.id())).isEqualTo(paid);
        assertThat(shop().order(future.id())).isEqualTo(future);
        assertThat(shop().product("TEA-1").available()).isEqualTo(100 - 8 - 16);
        assertThat(closedEventsByOrder())
                .containsOnlyKeys(overdue.id(), dueNow.id(), cancelled.id())
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        shop().assertStockConserved();
    }

    @Test
    default void firingTheSameDeadlineTwiceClosesTheOrderOnce() {
        // given
        shop().hasProduct("TEA-1", "9.99", 10);
        Order order = shop().places(anOrder().of("TEA-1", 3).pendingUntil(T0));
        long[] ids = {order.id(), order.id()};
        // when
        List<Order> first = shop().orders().applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, ids, T0.plusSeconds(1));
        List<Order> second = shop().orders().applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, ids, T0.plusSeconds(2));
        // then
        assertThat(first).hasSize(1);
        assertThat(second).isEmpty();
        assertThat(shop().product("TEA-1").available()).isEqualTo(10);
        assertThat(closedEventsByOrder()).containsExactly(Map.entry(order.id(), 1L));
    }

    @Test
    default void aBatchOfFiveHundredClosesReturnsTheStockOfEachSkuOnce() {
        // given: 500 overdue orders over three SKUs
        String[] skus = {"CUP-1", "POT-1", "TEA-1"};
        for (String sku : skus) {
            shop().hasProduct(sku, "1.00", 10_000);
        }
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            orders.add(shop().places(anOrder()
                    .forUser("u-" + i % 7)
                    .of(skus[i % 3], 1 + i % 5)
                    .and(skus[(i + 1) % 3], 1)
                    .pendingUntil(T0.plusMillis(i))));
        }
        shop().backend().analyze();
        long[] ids = orders.stream().mapToLong(Order::id).toArray();
        // when
        List<Order> closed = shop().orders().applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, ids, T0.plusSeconds(1));
        // then
        assertThat(closed).hasSize(500).extracting(Order::status).containsOnly(OrderStatus.CLOSED);
        for (String sku : skus) {
            assertThat(shop().product(sku).available()).isEqualTo(10_000);
        }
        assertThat(closedEventsByOrder())
                .hasSize(500)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(shop().orders().countClosedFor(CloseReason.PAYMENT_TIMEOUT)).isEqualTo(500);
    }

    @Test
    default void autoConfirmCompletesShippedOrdersOnceTheirConfirmDeadlinePassed() {
        // given
        shop().hasProduct("TEA-1", "9.99", 10);
        Order shipped = shop().shipped(shop().paid(shop().places(anOrder().of("TEA-1", 1)), T0), T0.plusSeconds(1));
        long[] ids = {shipped.id()};
        Instant confirmDeadline = shipped.confirmDeadline();
        // when
        List<Order> early = shop().orders().applyDue(OrderTransition.AUTO_CONFIRM, ids, confirmDeadline.minusMillis(1));
        List<Order> onTime = shop().orders().applyDue(OrderTransition.AUTO_CONFIRM, ids, confirmDeadline);
        // then
        assertThat(early).isEmpty();
        assertThat(onTime).singleElement().satisfies(order -> {
            assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(order.completedAt()).isEqualTo(confirmDeadline);
        });
        assertThat(shop().eventsOf(shipped)).extracting(StoredEvent::type).endsWith("order.shipped", "order.completed");
    }

    @Test
    default void onlyTransitionsWithADeadlineCanBeFiredByIt() {
        assertThatThrownBy(() -> shop().orders().applyDue(OrderTransition.PAY, new long[] {1}, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shop().orders().sweepDue(OrderTransition.CANCEL, T0, 10, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void sweepingClosesOnlyWhatIsDueBeforeTheCutoff() {
        // given
        Instant cutoff = T0.plus(Duration.ofHours(1));
        shop().hasProduct("TEA-1", "9.99", 10);
        Order longOverdue = shop().places(anOrder().of("TEA-1", 1).pendingUntil(cutoff.minusSeconds(120)));
        Order overdue = shop().places(anOrder().of("TEA-1", 1).pendingUntil(cutoff.minusMillis(1)));
        Order atCutoff = shop().places(anOrder().of("TEA-1", 1).pendingUntil(cutoff));
        Order paid = shop().paid(shop().places(anOrder().of("TEA-1", 1).pendingUntil(cutoff.minusSeconds(60))), T0);
        // when
        List<Order> swept =
                shop().orders().sweepDue(OrderTransition.CLOSE_FOR_TIMEOUT, cutoff, 10, cutoff.plusSeconds(5));
        // then
        assertThat(swept).extracting(Order::id).containsExactlyInAnyOrder(longOverdue.id(), overdue.id());
        assertThat(swept).extracting(Order::closedAt).containsOnly(cutoff.plusSeconds(5));
        assertThat(shop().order(atCutoff.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(shop().order(paid.id())).isEqualTo(paid);
        assertThat(shop().product("TEA-1").available()).isEqualTo(8);
        shop().assertStockConserved();
    }

    @Test
    default void sweepingTakesAtMostTheLimitEarliestDeadlinesFirst() {
        // given: five overdue orders, created in an order that is not their deadlines' order
        shop().hasProduct("TEA-1", "9.99", 10);
        List<Order> byDeadline = new ArrayList<>();
        for (int minutes : new int[] {3, 1, 5, 2, 4}) {
            byDeadline.add(shop().places(anOrder().of("TEA-1", 1).pendingUntil(T0.plus(Duration.ofMinutes(minutes)))));
        }
        byDeadline.sort((a, b) -> a.payDeadline().compareTo(b.payDeadline()));
        Instant now = T0.plus(Duration.ofHours(1));
        // when
        List<List<Long>> sweeps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sweeps.add(shop().orders().sweepDue(OrderTransition.CLOSE_FOR_TIMEOUT, now, 2, now).stream()
                    .map(Order::id)
                    .sorted()
                    .toList());
        }
        // then
        List<Long> ids = byDeadline.stream().map(Order::id).toList();
        assertThat(sweeps)
                .containsExactly(
                        ids.subList(0, 2).stream().sorted().toList(),
                        ids.subList(2, 4).stream().sorted().toList(),
                        ids.subList(4, 5),
                        List.of());
        assertThat(shop().product("TEA-1").available()).isEqualTo(10);
    }

    private Map<Long, Long> closedEventsByOrder() {
        return shop().events().stream()
                .filter(e -> e.type().equals("order.closed"))
                .collect(Collectors.groupingBy(StoredEvent::orderId, Collectors.counting()));
    }
}
