package dev.orderclock.example.shop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two JVMs of the shop on one MariaDB database, a burst of orders falling due together, one JVM
 * killed with SIGKILL in the middle of it: every order is closed, each exactly once (one stock
 * return per order), and the stock adds up.
 */
class TwoShopsOneKilledIT {

    private static final int ORDERS = 2_000;
    private static final int STOCK = 1_000_000;
    private static final String ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/";

    private final String database =
            "orderclock_shop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(ADMIN_URL, "root", ""));
    private final List<ShopProcess> shops = new ArrayList<>();

    @AfterEach
    void stopAndDrop() throws InterruptedException {
        for (ShopProcess shop : shops) {
            shop.close();
        }
        admin.execute("DROP DATABASE IF EXISTS " + database);
    }

    @Test
    void two_instances_close_each_order_exactly_once_with_one_killed_mid_burst() throws Exception {
        String[] args = {
            "--spring.datasource.url=" + ADMIN_URL + database + "?createDatabaseIfNotExist=true",
            // A short horizon so that orders placed after start-up are loaded within a second or two.
            "--orderclock.engine.horizon=4s",
            "--orderclock.engine.grace=1s",
            "--orderclock.engine.sweep-interval=500ms",
            "--orderclock.engine.firing-batch-size=100"
        };
        shops.add(ShopProcess.start("a", args));
        shops.add(ShopProcess.start("b", args));
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(ADMIN_URL + database, "root", ""));
        jdbc.update("INSERT INTO t_stock (sku_id, available) VALUES (1, ?)", STOCK - ORDERS);

        // The burst: every order falls due within one second, 6 s from now, as if all placed together.
        Instant due = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            rows.add(new Object[] {LocalDateTime.ofInstant(due.plusMillis(i % 1_000), ZoneOffset.UTC)});
        }
        jdbc.batchUpdate("INSERT INTO t_order (sku_id, quantity, status, pay_expire_time) VALUES (1, 1, 0, ?)", rows);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> closed(jdbc) >= ORDERS / 4);
        shops.get(0).kill9();
        int closedAtKill = closed(jdbc);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> closed(jdbc) == ORDERS);

        assertThat(closedAtKill).as("killed mid-burst").isLessThan(ORDERS);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT order_id) FROM t_stock_return", Integer.class))
                .isEqualTo(ORDERS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t_stock_return", Integer.class))
                .as("one stock return per order")
                .isEqualTo(ORDERS);
        assertThat(jdbc.queryForObject("SELECT available FROM t_stock WHERE sku_id = 1", Integer.class))
                .isEqualTo(STOCK);
    }

    private static int closed(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM t_order WHERE status = 40", Integer.class);
    }
}
