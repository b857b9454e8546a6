package dev.orderclock.order;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static dev.orderclock.testing.Race.runTogether;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OrderStore#create(NewOrder, HoldingLimits)}: no shopper holds more than the limits, even racing. */
public interface HoldingLimitsContract extends ShopTests {

    @Test
    default void anOrderPastTheShoppersPendingOrderLimitWritesNothing() {
        // given: a shopper holding 2 pending orders, the most allowed
        shop().hasProduct("TEA-1", "9.99", 100);
        HoldingLimits limits = new HoldingLimits(2, 1000);
        shop().orders().create(anOrder().forUser("hoarder").of("TEA-1", 1).build(), limits);
        shop().orders().create(anOrder().forUser("hoarder").of("TEA-1", 1).build(), limits);
        NewOrder third = anOrder().forUser("hoarder").of("TEA-1", 1).build();
        // when, then
        assertThatThrownBy(() -> shop().orders().create(third, limits))
                .isInstanceOfSatisfying(HoldingLimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(HoldingLimits.Limit.PENDING_ORDERS);
                    assertThat(e.value()).isEqualTo(2);
                    assertThat(e.userId()).isEqualTo("hoarder");
                });
        assertThat(shop().orders().find(third.id())).isEmpty();
        assertThat(shop().product("TEA-1").available()).isEqualTo(98);
        assertThat(shop().events()).hasSize(2);
        // and another shopper is not held back by the first one's orders
        assertThat(shop().orders()
                        .create(anOrder().forUser("someone-else").of("TEA-1", 1).build(), limits))
                .isNotNull();
        shop().assertStockConserved();
    }

    @Test
    default void anOrderPastTheShoppersPendingUnitLimitWritesNothing() {
        // given: 7 of 10 units held
        shop().hasProduct("TEA-1", "9.99", 100);
        shop().hasProduct("CUP-1", "4.50", 100);
        HoldingLimits limits = new HoldingLimits(10, 10);
        shop().orders()
                .create(
                        anOrder()
                                .forUser("hoarder")
                                .of("TEA-1", 4)
                                .and("CUP-1", 3)
                                .build(),
                        limits);
        NewOrder tooMany =
                anOrder().forUser("hoarder").of("TEA-1", 2).and("CUP-1", 2).build();
        // when, then
        assertThatThrownBy(() -> shop().orders().create(tooMany, limits))
                .isInstanceOfSatisfying(HoldingLimitExceededException.class, e -> {
                    assertThat(e.limit()).isEqualTo(HoldingLimits.Limit.PENDING_UNITS);
                    assertThat(e.value()).isEqualTo(10);
                });
        assertThat(shop().orders().find(tooMany.id())).isEmpty();
        assertThat(shop().product("TEA-1").available()).isEqualTo(96);
        assertThat(shop().product("CUP-1").available()).isEqualTo(97);
        // and exactly up to the limit still fits
        assertThat(shop().orders()
                        .create(anOrder().forUser("hoarder").of("TEA-1", 3).build(), limits))
                .isNotNull();
        shop().assertStockConserved();
    }

    @Test
    default void ordersThatLeftPendingNoLongerCount() {
        // given: a shopper at the limit, one order paid and one cancelled
        shop().hasProduct("TEA-1", "9.99", 100);
        HoldingLimits limits = new HoldingLimits(2, 1000);
        Order paid = shop().orders()
                .create(anOrder().forUser("regular").of("TEA-1", 1).build(), limits);
        Order cancelled = shop().orders()
                .create(anOrder().forUser("regular").of("TEA-1", 1).build(), limits);
        shop().paid(paid, T0);
        shop().cancelled(cancelled, T0);
        // when
        Order third = shop().orders()
                .create(anOrder().forUser("regular").of("TEA-1", 1).build(), limits);
        Order fourth = shop().orders()
                .create(anOrder().forUser("regular").of("TEA-1", 1).build(), limits);
        // then
        assertThat(List.of(third, fourth))
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.PENDING_PAYMENT));
        shop().assertStockConserved();
    }

    @Test
    default void twentyConcurrentOrdersOfOneShopperPlaceExactlyTheLimit() {
        // given: a new shopper (no lock row yet) and a limit of 5 pending orders
        shop().hasProduct("TEA-1", "9.99", 100);
        HoldingLimits limits = new HoldingLimits(5, 1000);
        AtomicInteger refused = new AtomicInteger();
        List<Callable<Order>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            racers.add(() -> {
                try {
                    return shop().orders()
                            .create(anOrder().forUser("racer").of("TEA-1", 2).build(), limits);
                } catch (HoldingLimitExceededException e) {
                    refused.incrementAndGet();
                    return null;
                }
            });
        }
        // when
        List<Order> placed =
                runTogether(8, racers).stream().filter(Objects::nonNull).toList();
        // then
        assertThat(placed).hasSize(5);
        assertThat(refused).hasValue(15);
        assertThat(shop().product("TEA-1").available()).isEqualTo(90);
        assertThat(shop().events()).hasSize(5);
        shop().assertStockConserved();
    }

    @Test
    default void withoutLimitsAShopperMayHoldAnyNumberOfOrders() {
        // given
        shop().hasProduct("TEA-1", "9.99", 100);
        // when
        for (int i = 0; i < 12; i++) {
            shop().orders().create(anOrder().forUser("bulk").of("TEA-1", 1).build(), HoldingLimits.NONE);
        }
        // then
        assertThat(shop().product("TEA-1").available()).isEqualTo(88);
    }
}
