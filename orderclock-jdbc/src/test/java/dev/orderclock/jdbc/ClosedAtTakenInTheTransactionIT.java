package dev.orderclock.jdbc;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.PlainEventFormat;
import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadline close records the time it changed the rows, not the time its batch was handed over:
 * {@code closed_at} is read from the clock inside the closing transaction, once the connection is
 * had (here a pool that makes each caller wait a second) and just before the conditional update.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedAtTakenInTheTransactionIT {

    private static final Instant DEADLINE = Instant.parse("2026-11-24T19:50:00.123Z");
    private static final Duration WAIT_FOR_A_CONNECTION = Duration.ofSeconds(1);

    private final Map<SqlDialect, TestDatabase> databases = new EnumMap<>(SqlDialect.class);
    private final ManualClock clock = new ManualClock(DEADLINE.plusMillis(10));

    @BeforeAll
    void openBothDatabases() {
        databases.put(SqlDialect.H2, TestDatabase.h2());
        databases.put(SqlDialect.POSTGRESQL, TestDatabase.postgres());
    }

    @AfterAll
    void closeBothDatabases() {
        databases.values().forEach(TestDatabase::close);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(SqlDialect.class)
    void firingRecordsTheTimeAfterTheWaitForAConnection(SqlDialect dialect) {
        // given an overdue order, handed to firing now
        JdbcOrderStore orders = new JdbcOrderStore(slowToConnect(fresh(dialect)), new PlainEventFormat());
        long id = orders.create(anOrder().of("CUP-1", 1).pendingUntil(DEADLINE).build())
                .id();
        Instant handedOver = clock.instant();

        // when
        List<Order> closed = orders.applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, new long[] {id}, clock);

        // then the time recorded, returned and stored, is the one after the wait
        Instant expected = handedOver.plus(WAIT_FOR_A_CONNECTION);
        assertThat(closed)
                .singleElement()
                .satisfies(order -> assertThat(order.closedAt()).isEqualTo(expected));
        assertThat(orders.find(id).orElseThrow().closedAt()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(SqlDialect.class)
    void theSweeperRecordsTheTimeOfItsClosingTransaction(SqlDialect dialect) {
        // given an overdue order, and a sweep that starts now
        JdbcOrderStore orders = new JdbcOrderStore(slowToConnect(fresh(dialect)), new PlainEventFormat());
        long id = orders.create(anOrder().of("CUP-1", 1).pendingUntil(DEADLINE).build())
                .id();
        Instant started = clock.instant();

        // when (a look for anything overdue, then the claiming transaction: two connections)
        List<Order> swept = orders.sweepDue(OrderTransition.CLOSE_FOR_TIMEOUT, started, 10, clock);

        // then
        Instant expected = started.plus(WAIT_FOR_A_CONNECTION.multipliedBy(2));
        assertThat(swept).extracting(Order::id).containsExactly(id);
        assertThat(orders.find(id).orElseThrow().closedAt()).isEqualTo(expected);
    }

    /** The data source as a busy pool: every connection comes a second of the clock later. */
    private DataSource slowToConnect(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (self, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        clock.advance(WAIT_FOR_A_CONNECTION);
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private DataSource fresh(SqlDialect dialect) {
        TestDatabase database = databases.get(dialect);
        database.execute(
                "DELETE FROM order_events", "DELETE FROM order_lines", "DELETE FROM orders", "DELETE FROM products");
        new JdbcProductStore(database.dataSource()).create("CUP-1", "Cup", new BigDecimal("1.00"), 1_000);
        clock.set(DEADLINE.plusMillis(10));
        return database.dataSource();
    }
}
