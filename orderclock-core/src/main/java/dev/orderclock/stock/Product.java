package dev.orderclock.stock;

import java.math.BigDecimal;

/**
 * A SKU and its stock. {@code stock} is all the operator put in, {@code available} what new orders
 * may still reserve, {@code sold} what paid orders took: stock = available + reserved + sold.
 */
public record Product(String sku, String name, BigDecimal price, long stock, long available, long sold) {}
