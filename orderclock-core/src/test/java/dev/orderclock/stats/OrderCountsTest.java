package dev.orderclock.stats;

import dev.orderclock.order.CloseReason;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.OrderStore;
import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OrderCountsTest {

    private final ManualClock clock = ManualClock.at("2026-11-27T03:00:00Z");
    private final AtomicInteger counts = new AtomicInteger();
    private final Map<OrderStatus, Long> byStatus = new EnumMap<>(Map.of(OrderStatus.PENDING_PAYMENT, 7L));
    private final OrderCounts orderCounts = new OrderCounts(countingStore(), List::of, clock);

    @Test
    void pollsWithinASecondShareOneCountOfTheDatabase() {
        OrderCounts.Counted first = orderCounts.current();
        clock.advance(Duration.ofMillis(900));
        OrderCounts.Counted second = orderCounts.current();

        assertThat(counts).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(first.countedAt()).isEqualTo(clock.instant().minusMillis(900));
    }

    @Test
    void aSecondLaterTheDatabaseCountsAgain() {
        orderCounts.current();
        byStatus.put(OrderStatus.PENDING_PAYMENT, 8L);
        clock.advance(Duration.ofSeconds(1));

        OrderCounts.Counted later = orderCounts.current();

        assertThat(counts).hasValue(2);
        assertThat(later.byStatus()).containsEntry("PENDING_PAYMENT", 8L);
    }

    @Test
    void everyStatusIsCountedInDeclarationOrderWithZeroForNone() {
        assertThat(orderCounts.current().byStatus().keySet())
                .containsExactly("PENDING_PAYMENT", "PAID", "SHIPPED", "COMPLETED", "CLOSED");
        assertThat(orderCounts.current().byStatus()).containsEntry("PAID", 0L);
        assertThat(orderCounts.current().closedByTimeout()).isEqualTo(3);
    }

    /** A store that answers only the two counts, and counts how often it was asked. */
    private OrderStore countingStore() {
        return (OrderStore) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {OrderStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "countByStatus" -> {
                        counts.incrementAndGet();
                        yield new EnumMap<>(byStatus);
                    }
                    case "countClosedFor" -> args[0] == CloseReason.PAYMENT_TIMEOUT ? 3L : 0L;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
