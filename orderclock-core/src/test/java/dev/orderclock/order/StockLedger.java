package dev.orderclock.order;

import dev.orderclock.stock.Product;
import dev.orderclock.stock.ProductStore;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What pending orders hold, read through the port (every {@code PENDING_PAYMENT} order, page by
 * page), to check invariant 5: for every SKU, stock = available + reserved by pending orders + sold.
 */
public final class StockLedger {

    private final Map<String, Long> reserved;

    private StockLedger(Map<String, Long> reserved) {
        this.reserved = reserved;
    }

    public static StockLedger of(OrderStore orders) {
        Map<String, Long> reserved = new HashMap<>();
        Long cursor = null;
        do {
            OrderPage page =
                    orders.list(new OrderQuery(null, OrderStatus.PENDING_PAYMENT, OrderQuery.MAX_LIMIT, cursor));
            for (Order order : page.orders()) {
                order.lines().forEach(line -> reserved.merge(line.sku(), (long) line.quantity(), Long::sum));
            }
            cursor = page.next();
        } while (cursor != null);
        return new StockLedger(reserved);
    }

    public long reserved(String sku) {
        return reserved.getOrDefault(sku, 0L);
    }

    public void assertConserved(ProductStore products, Collection<String> skus) {
        for (String sku : skus) {
            Product product = products.find(sku).orElseThrow(() -> new AssertionError("no product " + sku));
            assertThat(product.available() + reserved(sku) + product.sold())
                    .as(
                            "stock of %s = available %d + reserved %d + sold %d",
                            sku, product.available(), reserved(sku), product.sold())
                    .isEqualTo(product.stock());
        }
    }
}
