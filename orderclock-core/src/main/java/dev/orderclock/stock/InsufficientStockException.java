package dev.orderclock.stock;

/** Not enough available stock for an order line; nothing was reserved. */
public class InsufficientStockException extends RuntimeException {

    private final String sku;

    public InsufficientStockException(String sku, long requested) {
        super("not enough stock of " + sku + " for " + requested);
        this.sku = sku;
    }

    public String sku() {
        return sku;
    }
}
