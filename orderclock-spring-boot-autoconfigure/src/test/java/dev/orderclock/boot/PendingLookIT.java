package dev.orderclock.boot;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up look for a pending row on MariaDB and PostgreSQL (H2's is {@link PendingLookTest}):
 * the same statement warns when nothing matches and is silent when a row does; on PostgreSQL, a look
 * slower than its limit is cancelled and skipped at DEBUG, and start-up goes on.
 */
class PendingLookIT {

    private final LogLines log = new LogLines(TableInspector.class);

    @AfterEach
    void detach() {
        log.close();
    }

    @Test
    void on_mariadb_nothing_pending_warns_once_and_a_pending_row_does_not() {
        try (ShopDatabase shop = ShopDatabase.mariadb()) {
            shop.execute("INSERT INTO t_order (id, status, pay_expire_time) VALUES (1, 40, '2020-01-01 00:00:00')");
            inspect(shop, "status = 0", TableInspector.PENDING_LOOK_TIMEOUT);
            assertThat(log.at(Level.WARN))
                    .singleElement()
                    .asString()
                    .contains("orderclock.deadlines.payment-timeout", "t_order", "pending 'status = 0'");

            shop.execute("INSERT INTO t_order (id, status, pay_expire_time) VALUES (2, 0, '2100-01-01 00:00:00')");
            inspect(shop, "status = 0", TableInspector.PENDING_LOOK_TIMEOUT);
            assertThat(log.at(Level.WARN)).hasSize(1);
        }
    }

    @Test
    void on_postgresql_nothing_pending_warns_once_and_a_pending_row_does_not() {
        try (ShopDatabase shop = ShopDatabase.postgres()) {
            inspect(shop, "status = 0", TableInspector.PENDING_LOOK_TIMEOUT);
            assertThat(log.at(Level.WARN)).singleElement().asString().contains("no row of t_order matches");

            shop.execute("INSERT INTO t_order (id, status, pay_expire_time) VALUES (2, 0, '2100-01-01 00:00:00')");
            inspect(shop, "status = 0", TableInspector.PENDING_LOOK_TIMEOUT);
            assertThat(log.at(Level.WARN)).hasSize(1);
        }
    }

    @Test
    void a_look_slower_than_its_limit_is_skipped_at_debug_without_a_warning() {
        try (ShopDatabase shop = ShopDatabase.postgres()) {
            // Matches no row, but only after 3 s for the closed row: the 1 s limit cancels the look first.
            shop.execute("INSERT INTO t_order (id, status, pay_expire_time) VALUES (1, 40, '2020-01-01 00:00:00')");
            inspect(shop, "status = 0 OR pg_sleep(3) IS NULL", Duration.ofSeconds(1));

            assertThat(log.at(Level.WARN)).isEmpty();
            assertThat(log.at(Level.DEBUG))
                    .singleElement()
                    .asString()
                    .contains("skipped looking for a pending row in t_order");
        }
    }

    private static void inspect(ShopDatabase shop, String pending, Duration lookTimeout) {
        OrderClockProperties.Table spec = new OrderClockProperties.Table();
        spec.setTable("t_order");
        spec.setDueColumn("pay_expire_time");
        spec.setPending(pending);
        spec.setClose("status = 40, close_time = :now");
        TableInspector inspector = new TableInspector(
                new JdbcTemplate(shop.dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(shop.dataSource())),
                lookTimeout);
        inspector.inspect("payment-timeout", spec, inspector.dialect());
    }
}
