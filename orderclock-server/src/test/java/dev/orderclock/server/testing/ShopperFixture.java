package dev.orderclock.server.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Where a test against the running server as a shopper starts: the server's API, the shop, a new user
 * and a new product with {@link #stock()} in stock.
 */
public abstract class ShopperFixture {

    @LocalServerPort
    protected int port;

    protected Api api;
    protected Shop shop;
    protected String user;
    protected String sku;

    @BeforeEach
    void aShopperAndAProduct() {
        api = new Api(port);
        shop = new Shop(api);
        user = Shop.newUser();
        sku = shop.product(stock());
    }

    /** How many of the product the test may order. */
    protected int stock() {
        return 10;
    }
}
