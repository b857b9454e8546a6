package dev.orderclock.order;

import dev.orderclock.stock.Product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scene of the named races: many orders whose payment deadline has passed, still pending, over
 * a few SKUs, and the checks every race ends with (each order paid or closed once, stock conserved).
 */
public final class OverdueOrders {

    public static final Instant DEADLINE = ShopTests.T0;
    public static final Instant NOW = DEADLINE.plusSeconds(1);
    private static final String[] SKUS = {"CUP-1", "POT-1", "TEA-1"};
    private static final long STOCK = 1_000_000;

    private final Shop shop;
    private final List<Order> orders;

    private OverdueOrders(Shop shop, List<Order> orders) {
        this.shop = shop;
        this.orders = orders;
    }

    public static OverdueOrders placed(Shop shop, int count) {
        for (String sku : SKUS) {
            shop.hasProduct(sku, "2.50", STOCK);
        }
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(shop.places(anOrder()
                    .forUser("u-" + i % 10)
                    .of(SKUS[i % 3], 1 + i % 4)
                    .and(SKUS[(i + 2) % 3], 1)
                    .pendingUntil(DEADLINE.minusMillis(i))));
        }
        shop.backend().analyze();
        return new OverdueOrders(shop, orders);
    }

    public long[] ids() {
        return orders.stream().mapToLong(Order::id).toArray();
    }

    /** {@code payers} tasks that pay every order once between them, each its share in turn, noting each result by id. */
    public List<Runnable> payers(int payers, Map<Long, TransitionResult> results) {
        List<Runnable> tasks = new ArrayList<>();
        for (int p = 0; p < payers; p++) {
            int first = p;
            tasks.add(() -> {
                for (int i = first; i < orders.size(); i += payers) {
                    long id = orders.get(i).id();
                    results.put(id, shop.orders().apply(OrderTransition.PAY, id, NOW));
                }
            });
        }
        return tasks;
    }

    /**
     * Checks the end of a race in which every order was paid by one payer and closed by whoever
     * could: each order is PAID or CLOSED, its payment was Applied exactly when it is PAID, the
     * closers together handed back each CLOSED order once, the outbox holds one paid-or-closed event
     * per order, and the stock of the paid orders was sold, the rest returned.
     */
    public void assertEachEndedPaidXorClosedOnce(
            Map<Long, TransitionResult> payments, Collection<Order> closedByClosers) {
        Set<Long> paid = new HashSet<>();
        Set<Long> closed = new HashSet<>();
        for (Order order : orders) {
            Order now = shop.order(order.id());
            assertThat(now.status()).as(order.displayId()).isIn(OrderStatus.PAID, OrderStatus.CLOSED);
            (now.status() == OrderStatus.PAID ? paid : closed).add(order.id());
            TransitionResult payment = payments.get(order.id());
            if (now.status() == OrderStatus.PAID) {
                assertThat(payment).as(order.displayId()).isEqualTo(new TransitionResult.Applied(now));
            } else {
                assertThat(payment).as(order.displayId()).isEqualTo(new TransitionResult.WrongStatus(now));
                assertThat(now.closeReason()).isEqualTo(CloseReason.PAYMENT_TIMEOUT);
            }
        }
        assertThat(closedByClosers)
                .extracting(Order::id)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(closed);
        assertEventsOnce(Set.of("order.paid", "order.closed"));
        assertSoldExactly(paid);
    }

    /** Every order CLOSED, handed back once by the closers together, with one closed event and its stock returned. */
    public void assertEachClosedOnce(Collection<Order> closedByClosers) {
        assertThat(closedByClosers)
                .extracting(Order::id)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        orders.stream().map(Order::id).toList());
        assertThat(shop.orders().countByStatus()).containsEntry(OrderStatus.CLOSED, (long) orders.size());
        assertEventsOnce(Set.of("order.closed"));
        assertSoldExactly(Set.of());
    }

    private void assertEventsOnce(Set<String> types) {
        Map<Long, Long> events = shop.events().stream()
                .filter(e -> types.contains(e.type()))
                .collect(Collectors.groupingBy(StoredEvent::orderId, Collectors.counting()));
        assertThat(events)
                .hasSize(orders.size())
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }

    private void assertSoldExactly(Set<Long> paid) {
        Map<String, Long> sold = new HashMap<>();
        orders.stream()
                .filter(o -> paid.contains(o.id()))
                .flatMap(o -> o.lines().stream())
                .forEach(line -> sold.merge(line.sku(), (long) line.quantity(), Long::sum));
        for (String sku : SKUS) {
            Product product = shop.product(sku);
            assertThat(product.sold()).as("sold of %s", sku).isEqualTo(sold.getOrDefault(sku, 0L));
            assertThat(product.available()).as("available of %s", sku).isEqualTo(STOCK - product.sold());
        }
        shop.assertStockConserved();
    }
}
