package dev.orderclock.example.shop;

import dev.orderclock.test.OrderClockDriver;
import dev.orderclock.test.OrderClockTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop on MariaDB with its engine on a test clock: 30 minutes pass in milliseconds. */
@SpringBootTest
@ActiveProfiles("test")
@OrderClockTest
class ShopTest {

    private static final long SKU = 1;

    @Autowired
    OrderService shop;

    @Autowired
    OrderMapper orders;

    @Autowired
    StockMapper stock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void tenInStock() {
        jdbc.update("DELETE FROM t_order");
        jdbc.update("DELETE FROM t_stock_return");
        jdbc.update("DELETE FROM t_stock");
        jdbc.update("INSERT INTO t_stock (sku_id, available) VALUES (?, 10)", SKU);
    }

    @Test
    void an_unpaid_order_closes_at_its_expiry_and_its_stock_comes_back(OrderClockDriver orderclock) {
        long id = shop.placeOrder(SKU, 3);
        assertThat(stock.available(SKU)).isEqualTo(7);

        orderclock.advance(Duration.ofMinutes(30).minusMillis(1));
        assertThat(orders.status(id)).isZero();

        orderclock.advance(Duration.ofMillis(1));
        assertThat(orders.status(id)).isEqualTo(40);
        assertThat(stock.available(SKU)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT close_reason FROM t_order WHERE id = ?", String.class, id))
                .isEqualTo("PAY_TIMEOUT");
    }

    @Test
    void a_paid_order_never_closes_and_keeps_its_stock(OrderClockDriver orderclock) {
        long id = shop.placeOrder(SKU, 3);
        assertThat(shop.pay(id)).isTrue();

        orderclock.advance(Duration.ofHours(2));

        assertThat(orders.status(id)).isEqualTo(20);
        assertThat(stock.available(SKU)).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t_stock_return", Integer.class))
                .isZero();
    }

    @Test
    void an_order_closed_first_can_no_longer_be_paid(OrderClockDriver orderclock) {
        long id = shop.placeOrder(SKU, 3);
        orderclock.advance(Duration.ofMinutes(31));

        assertThat(shop.pay(id)).isFalse();
        assertThat(orders.status(id)).isEqualTo(40);
    }

    @Test
    void the_orderclock_health_indicator_is_the_one_of_the_running_boot_and_reports_the_engine_state()
            throws Exception {
        boolean boot4 = SpringBootVersion.getVersion().startsWith("4.");
        String name = boot4 ? "orderclockHealthContributor" : "orderclockHealthIndicator";

        assertThat(context.containsBean("orderclockHealthIndicator")).isEqualTo(!boot4);
        assertThat(context.containsBean("orderclockHealthContributor")).isEqualTo(boot4);
        Object health = context.getBean(name).getClass().getMethod("health").invoke(context.getBean(name));
        // Under @OrderClockTest the engine runs no threads of its own: the indicator says so.
        assertThat(health.getClass().getMethod("getStatus").invoke(health)).hasToString("DOWN");
    }
}
