package dev.orderclock.stock;

/** An order named a SKU that does not exist; nothing was written. */
public class UnknownSkuException extends RuntimeException {

    private final String sku;

    public UnknownSkuException(String sku) {
        super("unknown SKU: " + sku);
        this.sku = sku;
    }

    public String sku() {
        return sku;
    }
}
