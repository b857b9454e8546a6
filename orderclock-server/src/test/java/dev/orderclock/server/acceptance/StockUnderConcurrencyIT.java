package dev.orderclock.server.acceptance;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Shop;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Many shoppers at once against little stock: nobody gets what is not there, and nothing goes missing. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "orderclock.data-dir=./target/it-data/stock-${random.uuid}",
            "orderclock.admin-token=" + Api.OPERATOR_TOKEN,
            "orderclock.limits.enabled=false"
        })
class StockUnderConcurrencyIT {

    private static final long STOCK = 50;
    private static final int SHOPPERS = 16;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void manyShoppersAgainstLittleStockNeverOversellAndStockIsConserved() throws Exception {
        // given
        Shop shop = new Shop(new Api(port));
        String sku = shop.product(STOCK);

        // when 16 shoppers each try 20 orders of 1 to 3 at once
        ExecutorService shoppers = Executors.newFixedThreadPool(SHOPPERS);
        List<Future<int[]>> results = new ArrayList<>();
        for (int s = 0; s < SHOPPERS; s++) {
            String user = "rush-" + s;
            results.add(shoppers.submit((Callable<int[]>) () -> {
                int reserved = 0;
                int refused = 0;
                for (int i = 0; i < 20; i++) {
                    int quantity = 1 + i % 3;
                    int status = shop.order(user, sku, quantity, 600).status();
                    assertThat(status).as("answer to an order").isIn(201, 409);
                    if (status == 201) {
                        reserved += quantity;
                    } else {
                        refused++;
                    }
                }
                return new int[] {reserved, refused};
            }));
        }
        long reserved = 0;
        long refused = 0;
        for (Future<int[]> result : results) {
            reserved += result.get()[0];
            refused += result.get()[1];
        }
        shoppers.shutdown();

        // then
        assertThat(reserved).as("reserved by accepted orders").isLessThanOrEqualTo(STOCK);
        assertThat(refused).as("orders refused for lack of stock").isPositive();
        assertThat(shop.available(sku)).isEqualTo(STOCK - reserved);
        StockLedger.assertConserved(jdbc);
    }
}
