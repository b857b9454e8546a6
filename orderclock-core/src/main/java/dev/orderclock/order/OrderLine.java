package dev.orderclock.order;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of an order: a SKU, how many, and the unit price when the order was placed. */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
