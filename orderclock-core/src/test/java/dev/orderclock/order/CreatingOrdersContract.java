package dev.orderclock.order;

import dev.orderclock.stock.InsufficientStockException;
import dev.orderclock.stock.UnknownSkuException;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static dev.orderclock.testing.Race.runTogether;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OrderStore#create}: all or nothing, priced from the products, never overselling. */
public interface CreatingOrdersContract extends ShopTests {

    @Test
    default void creatingAnOrderReservesTheStockOfEveryLineAndWritesOneCreatedEvent() {
        // given
        shop().hasProduct("TEA-1", "9.99", 10);
        shop().hasProduct("CUP-1", "4.50", 5);
        // when
        Order order = shop().places(
                        anOrder().forUser("u-1").of("TEA-1", 2).and("CUP-1", 1).pendingUntil(T0));
        // then
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.amount()).isEqualTo(new BigDecimal("24.48"));
        assertThat(order.lines())
                .containsExactly(
                        new OrderLine("TEA-1", 2, new BigDecimal("9.99")),
                        new OrderLine("CUP-1", 1, new BigDecimal("4.50")));
        assertThat(shop().orders().find(order.id())).contains(order);
        assertThat(shop().product("TEA-1").available()).isEqualTo(8);
        assertThat(shop().product("CUP-1").available()).isEqualTo(4);
        assertThat(shop().events()).singleElement().satisfies(event -> {
            assertThat(event.orderId()).isEqualTo(order.id());
            assertThat(event.type()).isEqualTo("order.created");
            assertThat(event.occurredAt()).isEqualTo(order.createdAt());
            assertThat(event.payload()).isEqualTo(PlainEventFormat.expected(EventType.ORDER_CREATED, order));
        });
        shop().assertStockConserved();
    }

    @Test
    default void anOrderNamingAnUnknownSkuWritesNothing() {
        // given
        shop().hasProduct("TEA-1", "9.99", 10);
        NewOrder request = anOrder().of("TEA-1", 2).and("NOPE-1", 1).build();
        // when, then
        assertThatThrownBy(() -> shop().orders().create(request))
                .isInstanceOfSatisfying(
                        UnknownSkuException.class, e -> assertThat(e.sku()).isEqualTo("NOPE-1"));
        assertThat(shop().orders().find(request.id())).isEmpty();
        assertThat(shop().product("TEA-1").available()).isEqualTo(10);
        assertThat(shop().events()).isEmpty();
    }

    @Test
    default void anOrderLackingStockOfOneLineReservesNothingAtAll() {
        // given: CUP-1 comes first in SKU order, so it is reserved before TEA-1 runs short
        shop().hasProduct("CUP-1", "4.50", 5);
        shop().hasProduct("TEA-1", "9.99", 1);
        NewOrder request = anOrder().of("TEA-1", 2).and("CUP-1", 3).build();
        // when, then
        assertThatThrownBy(() -> shop().orders().create(request))
                .isInstanceOfSatisfying(
                        InsufficientStockException.class,
                        e -> assertThat(e.sku()).isEqualTo("TEA-1"));
        assertThat(shop().orders().find(request.id())).isEmpty();
        assertThat(shop().product("CUP-1").available()).isEqualTo(5);
        assertThat(shop().product("TEA-1").available()).isEqualTo(1);
        assertThat(shop().events()).isEmpty();
    }

    @Test
    default void anOrderWhoseIdIsTakenIsRefusedAndReservesNothingMore() {
        // given
        shop().hasProduct("TEA-1", "9.99", 10);
        Order first = shop().places(anOrder().of("TEA-1", 2));
        // when, then
        assertThatThrownBy(() -> shop().places(anOrder().withId(first.id()).of("TEA-1", 3)))
                .isInstanceOf(DuplicateOrderIdException.class);
        assertThat(shop().order(first.id())).isEqualTo(first);
        assertThat(shop().product("TEA-1").available()).isEqualTo(8);
        assertThat(shop().events()).hasSize(1);
    }

    @Test
    default void manyShoppersRacingForLittleStockNeverOversell() {
        // given: 10 of each SKU, and 40 orders of one of each, half of them naming the SKUs the other way round
        shop().hasProduct("TEA-1", "9.99", 10);
        shop().hasProduct("CUP-1", "4.50", 10);
        AtomicInteger refused = new AtomicInteger();
        List<Callable<Order>> shoppers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            NewOrderBuilder order = i % 2 == 0
                    ? anOrder().of("TEA-1", 1).and("CUP-1", 1)
                    : anOrder().of("CUP-1", 1).and("TEA-1", 1);
            shoppers.add(() -> {
                try {
                    return shop().places(order);
                } catch (InsufficientStockException e) {
                    refused.incrementAndGet();
                    return null;
                }
            });
        }
        // when
        List<Order> placed =
                runTogether(8, shoppers).stream().filter(o -> o != null).toList();
        // then
        assertThat(placed).hasSize(10);
        assertThat(refused).hasValue(30);
        assertThat(shop().product("TEA-1").available()).isZero();
        assertThat(shop().product("CUP-1").available()).isZero();
        assertThat(shop().events()).hasSize(10);
        shop().assertStockConserved();
    }

    @Test
    default void findingAnUnknownOrderAnswersNothing() {
        assertThat(shop().orders().find(OrderId.parse("ORD-0000000001").getAsLong()))
                .isEmpty();
    }

    @Test
    default void timesKeepTheirMillisecondsWhateverTheSessionTimeZone() {
        // given: instants with microseconds, one just before midnight UTC (the next day in Asia)
        shop().hasProduct("TEA-1", "9.99", 10);
        Instant created = Instant.parse("2026-12-31T23:59:59.987654Z");
        Instant deadline = Instant.parse("2027-01-01T00:29:59.999999Z");
        // when
        Order order = shop().places(anOrder().of("TEA-1", 1).createdAt(created).pendingUntil(deadline));
        // then: truncated to milliseconds, the same instant read back
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-12-31T23:59:59.987Z"));
        assertThat(order.payDeadline()).isEqualTo(Instant.parse("2027-01-01T00:29:59.999Z"));
        assertThat(shop().order(order.id())).isEqualTo(order);
    }
}
