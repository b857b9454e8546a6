package dev.orderclock.stock;

import java.math.BigDecimal;
import java.util.Optional;

/** Products and their stock counters. */
public interface ProductStore {

    /** @throws DuplicateSkuException when the SKU exists (nothing is written) */
    Product create(String sku, String name, BigDecimal price, long stock);

    Optional<Product> find(String sku);

    /** Adds to both {@code stock} and {@code available}; empty when the SKU does not exist. */
    Optional<Product> restock(String sku, long quantity);
}
