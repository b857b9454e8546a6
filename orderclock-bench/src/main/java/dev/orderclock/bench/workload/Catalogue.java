package dev.orderclock.bench.workload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The products a run orders from. Several SKUs, because every order reserves stock with a row
 * update, and one hot row would measure H2's row lock instead of the service.
 */
public record Catalogue(List<String> skus, String price) {

    public static final String PRICE = "9.99";

    /** Creates {@code count} products through the API, each with enough stock for every order of the run. */
    public static Catalogue create(OrderApi api, String prefix, int count, long stockEach)
            throws IOException, InterruptedException {
        List<String> skus = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String sku = prefix + "-" + i;
            OrderApi.Answer created = api.createProduct(sku, PRICE, stockEach);
            if (!created.is(201)) {
                throw new IOException(
                        "POST /api/products " + sku + " answered " + created.status() + ": " + created.body());
            }
            skus.add(sku);
        }
        return new Catalogue(List.copyOf(skus), PRICE);
    }

    public String any() {
        return skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
    }
}
