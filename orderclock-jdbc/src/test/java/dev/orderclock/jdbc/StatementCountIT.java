package dev.orderclock.jdbc;

import dev.orderclock.order.NewOrder;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.PlainEventFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a call costs in statements does not grow with its size: closing 500 orders is an update, a
 * read of their lines, one stock update per SKU in one batch, one event insert batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementCountIT {

    private static final Instant DEADLINE = Instant.parse("2026-11-24T19:50:00.123Z");
    private static final String[] SKUS = {"CUP-1", "POT-1", "TEA-1"};

    private final Map<SqlDialect, TestDatabase> databases = new EnumMap<>(SqlDialect.class);

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
    void closingFiveHundredOrdersTakesFourStatements(SqlDialect dialect) {
        // given
        CountingDataSource counting = new CountingDataSource(fresh(dialect));
        JdbcOrderStore orders = new JdbcOrderStore(counting.dataSource(), new PlainEventFormat());
        long[] ids = placeOverdueOrders(orders, 500);
        counting.takeCount();
        // when
        List<Order> closed = orders.applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, ids, DEADLINE.plusSeconds(1));
        // then
        assertThat(closed).hasSize(500);
        assertThat(counting.takeCount()).isEqualTo(4);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(SqlDialect.class)
    void sweepingFiveHundredOrdersTakesALookAndAClaimMoreAndOneForItsLocksOnH2(SqlDialect dialect) {
        // given
        CountingDataSource counting = new CountingDataSource(fresh(dialect));
        JdbcOrderStore orders = new JdbcOrderStore(counting.dataSource(), new PlainEventFormat());
        placeOverdueOrders(orders, 500);
        counting.takeCount();
        // when
        List<Order> swept = orders.sweepDue(
                OrderTransition.CLOSE_FOR_TIMEOUT, DEADLINE.plusSeconds(1), 500, DEADLINE.plusSeconds(1));
        // then
        assertThat(swept).hasSize(500);
        assertThat(counting.takeCount()).isEqualTo(dialect == SqlDialect.H2 ? 7 : 6);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(SqlDialect.class)
    void aSweepThatFindsNothingIsOneStatementAndNoTransaction(SqlDialect dialect) {
        // given
        CountingDataSource counting = new CountingDataSource(fresh(dialect));
        JdbcOrderStore orders = new JdbcOrderStore(counting.dataSource(), new PlainEventFormat());
        placeOverdueOrders(orders, 10);
        counting.takeCount();
        counting.takeCommits();
        // when: the cutoff is before every deadline
        List<Order> swept = orders.sweepDue(
                OrderTransition.CLOSE_FOR_TIMEOUT, DEADLINE.minusSeconds(1), 500, DEADLINE.plusSeconds(1));
        // then
        assertThat(swept).isEmpty();
        assertThat(counting.takeCount()).isEqualTo(1);
        assertThat(counting.takeCommits()).isZero();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(SqlDialect.class)
    void placingAnOrderTakesFiveStatementsWhateverItsLines(SqlDialect dialect) {
        // given
        CountingDataSource counting = new CountingDataSource(fresh(dialect));
        JdbcOrderStore orders = new JdbcOrderStore(counting.dataSource(), new PlainEventFormat());
        counting.takeCount();
        // when
        orders.create(anOrder()
                .of("CUP-1", 1)
                .and("POT-1", 2)
                .and("TEA-1", 3)
                .pendingUntil(DEADLINE)
                .build());
        // then: prices, order, lines, reservations, event
        assertThat(counting.takeCount()).isEqualTo(5);
    }

    private javax.sql.DataSource fresh(SqlDialect dialect) {
        TestDatabase database = databases.get(dialect);
        database.execute(
                "DELETE FROM order_events", "DELETE FROM order_lines", "DELETE FROM orders", "DELETE FROM products");
        JdbcProductStore products = new JdbcProductStore(database.dataSource());
        for (String sku : SKUS) {
            products.create(sku, "Product " + sku, new BigDecimal("1.00"), 1_000_000);
        }
        return database.dataSource();
    }

    private static long[] placeOverdueOrders(JdbcOrderStore orders, int count) {
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NewOrder order = anOrder()
                    .of(SKUS[i % 3], 1 + i % 3)
                    .and(SKUS[(i + 1) % 3], 1)
                    .pendingUntil(DEADLINE.minusMillis(i))
                    .build();
            ids.add(orders.create(order).id());
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
