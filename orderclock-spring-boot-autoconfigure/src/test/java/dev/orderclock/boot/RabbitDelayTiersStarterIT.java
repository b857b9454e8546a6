package dev.orderclock.boot;

import dev.orderclock.boot.rabbitmq.OrderClockRabbitAutoConfiguration;
import dev.orderclock.boot.rabbitmq.OrderClockRabbitHealthAutoConfiguration;
import dev.orderclock.boot.rabbitmq.OrderClockRabbitHealthIndicator;
import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.rabbitmq.RabbitDeadlineScheduler;
import dev.orderclock.rabbitmq.RabbitDelayTiers;

import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code orderclock.cluster.rabbitmq.enabled=true} on the local RabbitMQ (a queue prefix of the test's
 * own, deleted after) and MariaDB: a deadline scheduled through {@link Deadlines} travels the delay
 * tiers and closes its row once. The grace is an hour, so the sweeper cannot be what closed it, and
 * the engine loads no horizon, so a row nobody scheduled stays open. {@code spring.rabbitmq.addresses}
 * wins over host and port, and the connection's health is UP.
 */
class RabbitDelayTiersStarterIT {

    private final String prefix = "ocit-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final ShopDatabase shop = ShopDatabase.mariadb();
    private final List<Long> handled = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(OrderClockAutoConfiguration.class, OrderClockRabbitAutoConfiguration.class))
            .withBean(DataSource.class, shop::dataSource)
            .withBean(DeadlineHandler.class, () -> (source, ids, now) -> handled.addAll(ids))
            .withPropertyValues(
                    "orderclock.deadlines.payment-timeout.table=t_order",
                    "orderclock.deadlines.payment-timeout.due-column=pay_expire_time",
                    "orderclock.deadlines.payment-timeout.pending=status = 0",
                    "orderclock.deadlines.payment-timeout.close=status = 40, close_time = :now",
                    "orderclock.engine.grace=1h",
                    "orderclock.cluster.rabbitmq.enabled=true",
                    "orderclock.cluster.rabbitmq.prefix=" + prefix,
                    "orderclock.cluster.rabbitmq.linger=100ms",
                    "spring.rabbitmq.host=127.0.0.1",
                    "spring.rabbitmq.port=5672",
                    "spring.rabbitmq.username=guest",
                    "spring.rabbitmq.password=guest");

    /** Runs once the context has closed, so that nothing declares the tiers again; a failure to delete is printed. */
    @AfterEach
    void deleteTheTiersAndTheDatabase() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try {
            RabbitDelayTiers.deleteAll(factory, prefix);
        } catch (Exception e) {
            System.err.println("could not delete the delay tiers of " + prefix + ": " + e);
        } finally {
            shop.close();
        }
    }

    @Test
    void a_deadline_scheduled_inside_a_transaction_travels_the_delay_tiers_and_closes_its_row_once() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RabbitDeadlineScheduler.class);
            Deadlines deadlines = context.getBean(Deadlines.class);
            // rows written after the engine started, so its start-up backlog close cannot be what closes them
            Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
            insert(2, due);
            // the shop's transaction writes the order and schedules it; the hint leaves after commit
            new TransactionTemplate(new DataSourceTransactionManager(shop.dataSource()))
                    .executeWithoutResult(status -> {
                        insert(1, due);
                        deadlines.schedule("payment-timeout", 1, due);
                    });

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(status(1)).isEqualTo(40));
            Instant closedAt = closeTime(1);
            assertThat(closedAt).isAfterOrEqualTo(due).isBefore(due.plusSeconds(5));
            assertThat(handled).containsExactly(1L);
            // the row nobody scheduled: no horizon load, no sweep within the hour's grace
            assertThat(status(2)).isZero();
            assertThat(context.getBean(RabbitDeadlineScheduler.class).lost()).isZero();
            assertThat(context.getBean(DeadlineEngine.class).isRunning()).isTrue();
        });
        assertThat(handled).containsExactly(1L);
    }

    @Test
    void a_schedule_in_a_transaction_that_rolls_back_publishes_nothing_and_closes_nothing() {
        runner.run(context -> {
            Deadlines deadlines = context.getBean(Deadlines.class);
            Instant due = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
            insert(3, due);
            RabbitDeadlineScheduler scheduler = context.getBean(RabbitDeadlineScheduler.class);
            new TransactionTemplate(new DataSourceTransactionManager(shop.dataSource()))
                    .executeWithoutResult(status -> {
                        deadlines.schedule("payment-timeout", 3, due);
                        status.setRollbackOnly();
                    });
            assertThat(scheduler.buffered()).isZero();
            assertThat(scheduler.unconfirmed()).isZero();
            // a later order's close proves the consumer runs; the rolled-back one is still open then
            Instant later = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
            insert(4, later);
            deadlines.schedule("payment-timeout", 4, later);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(status(4)).isEqualTo(40));
            assertThat(status(3)).isZero();
            assertThat(handled).containsExactly(4L);
        });
    }

    @Test
    void spring_rabbitmq_addresses_win_over_host_and_port_and_the_connection_reports_up() {
        // host/port name a loopback address where nothing listens: only the addresses can connect
        runner.withConfiguration(AutoConfigurations.of(OrderClockRabbitHealthAutoConfiguration.class))
                .withPropertyValues(
                        "spring.rabbitmq.host=127.0.0.2",
                        "spring.rabbitmq.port=1",
                        "spring.rabbitmq.addresses=amqp://guest:guest@127.0.0.1:5672/")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Health health = context.getBean(OrderClockRabbitHealthIndicator.class)
                            .health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("broker", "127.0.0.1:5672");
                });
    }

    private void insert(long id, Instant due) {
        new JdbcTemplate(shop.dataSource())
                .update(
                        "INSERT INTO t_order (id, status, pay_expire_time) VALUES (?, 0, ?)",
                        id,
                        LocalDateTime.ofInstant(due, ZoneOffset.UTC));
    }

    private int status(long id) {
        Integer status = new JdbcTemplate(shop.dataSource())
                .queryForObject("SELECT status FROM t_order WHERE id = ?", Integer.class, id);
        return status == null ? -1 : status;
    }

    private Instant closeTime(long id) {
        return new JdbcTemplate(shop.dataSource())
                .queryForObject(
                        "SELECT close_time FROM t_order WHERE id = ?",
                        (rs, row) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        id);
    }
}
