package dev.orderclock.server.stock;

import dev.orderclock.stock.Product;

import io.swagger.v3.oas.annotations.media.Schema;

/** A product as the API shows it: {@code stock} is all that was put in, {@code available} what orders may still reserve. */
@Schema(name = "Product")
public record ProductView(
        String sku, String name, @Schema(example = "9.99") String price, long stock, long available) {

    public static ProductView of(Product product) {
        return new ProductView(
                product.sku(), product.name(), Money.format(product.price()), product.stock(), product.available());
    }
}
