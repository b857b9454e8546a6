package dev.orderclock.stock;

/** A product with this SKU already exists; nothing was written. */
public class DuplicateSkuException extends RuntimeException {

    public DuplicateSkuException(String sku) {
        super("SKU already exists: " + sku);
    }
}
