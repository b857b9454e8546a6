package dev.orderclock.order;

import dev.orderclock.stock.Product;
import dev.orderclock.stock.ProductStore;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The world of a store test, in the words of the business: a shop has products, shoppers place
 * orders, orders are paid, cancelled, shipped. Remembers the SKUs it stocked, to check that their
 * stock is conserved.
 */
public final class Shop {

    private final StoreBackend backend;
    private final Set<String> skus = new TreeSet<>();

    public Shop(StoreBackend backend) {
        this.backend = backend;
    }

    public OrderStore orders() {
        return backend.orders();
    }

    public ProductStore products() {
        return backend.products();
    }

    public StoreBackend backend() {
        return backend;
    }

    public Product hasProduct(String sku, String price, long stock) {
        skus.add(sku);
        return products().create(sku, "Product " + sku, new BigDecimal(price), stock);
    }

    public Order places(NewOrderBuilder order) {
        return orders().create(order.build());
    }

    public Order paid(Order order, Instant at) {
        return applied(OrderTransition.PAY, order, at);
    }

    public Order cancelled(Order order, Instant at) {
        return applied(OrderTransition.CANCEL, order, at);
    }

    public Order shipped(Order order, Instant at) {
        return applied(OrderTransition.SHIP, order, at);
    }

    /** Applies a transition that must succeed, and answers the order as it now is. */
    public Order applied(OrderTransition transition, Order order, Instant at) {
        TransitionResult result = orders().apply(transition, order.id(), at);
        assertThat(result).as("%s of %s", transition, order.displayId()).isInstanceOf(TransitionResult.Applied.class);
        return ((TransitionResult.Applied) result).order();
    }

    public Order order(long id) {
        return orders().find(id).orElseThrow(() -> new AssertionError("no order " + OrderId.format(id)));
    }

    public Product product(String sku) {
        return products().find(sku).orElseThrow(() -> new AssertionError("no product " + sku));
    }

    public List<StoredEvent> events() {
        return backend.events();
    }

    public List<StoredEvent> eventsOf(Order order) {
        return backend.events().stream().filter(e -> e.orderId() == order.id()).toList();
    }

    /** Invariant 5 for every SKU this shop stocked: stock = available + reserved by pending orders + sold. */
    public void assertStockConserved() {
        StockLedger.of(orders()).assertConserved(products(), skus);
    }
}
