package dev.orderclock.jdbc;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.deadline.Fired;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.PaymentTimeoutSource;
import dev.orderclock.order.StoreBackend;
import dev.orderclock.order.StoreSuite;
import dev.orderclock.order.StoredEvent;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stalled PostgreSQL: another transaction holds the rows of due orders locked. The statement
 * timeout (set as the cluster profile sets it, shorter) cancels the firing batch that waits on them,
 * so its thread is free again — no firing thread stays in the driver much past the timeout — and the
 * batch is retried; the engine closes the other due orders meanwhile, and once the locks are gone
 * every order is closed exactly once.
 */
class PostgresStalledDatabaseIT extends StoreSuite {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(1);
    /** PostgreSQL's query_canceled: what a statement cut by statement_timeout answers. */
    private static final String QUERY_CANCELED = "57014";

    private static final InstantSource CLOCK = InstantSource.system();

    private TestDatabase database;

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        database = TestDatabase.postgres(Map.of("options", "-c statement_timeout=" + STATEMENT_TIMEOUT.toMillis()));
        return new JdbcBackend(database, format, confirmPeriod);
    }

    @Test
    void aBatchWaitingOnLockedRowsTimesOutIsRetriedAndClosesOnceTheLocksAreGoneWhileOtherOrdersCloseMeanwhile()
            throws SQLException {
        // given: five orders due together (one firing batch), twenty due just after them, one by one
        shop().hasProduct("CUP-1", "2.50", 1_000);
        Instant due = CLOCK.instant().plusSeconds(2);
        List<Order> locked = placed(5, due, 0);
        List<Order> free = placed(20, due.plusMillis(100), 20);
        Queue<Long> closed = new ConcurrentLinkedQueue<>();
        Queue<Exception> failures = new ConcurrentLinkedQueue<>();
        DeadlineEngine engine = engine(closed, failures);
        try (Connection stall = database.dataSource().getConnection();
                DatabaseWaits waits = DatabaseWaits.watch("orderclock-firing", "org.postgresql")) {
            lock(stall, locked);
            engine.start();
            // when: the locks are held for several statement timeouts
            // then: the locked batch fails by the timeout and is tried again (its thread came back each
            // time), and the other firing thread closes the free orders meanwhile
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(statuses(free)).containsOnly(OrderStatus.CLOSED);
                assertThat(failures).hasSizeGreaterThanOrEqualTo(3);
            });
            assertThat(failures)
                    .allSatisfy(failure -> assertThat(failure)
                            .isInstanceOfSatisfying(
                                    DatabaseException.class,
                                    e -> assertThat(e.sqlState())
                                            .as("SQLSTATE of %s", e)
                                            .isEqualTo(QUERY_CANCELED)));
            assertThat(statuses(locked)).containsOnly(OrderStatus.PENDING_PAYMENT);
            // a firing thread did wait on the locks, but none stayed in the driver much past the
            // timeout, though the stall lasted several timeouts
            assertThat(waits.longest()).isBetween(STATEMENT_TIMEOUT.dividedBy(2), STATEMENT_TIMEOUT.multipliedBy(2));
            // when: the stall ends
            stall.rollback();
            // then: the retried batch closes the locked orders; each order closed once, one event each
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(statuses(locked)).containsOnly(OrderStatus.CLOSED));
        } finally {
            engine.stop();
        }
        List<Long> all = new ArrayList<>(ids(locked));
        all.addAll(ids(free));
        assertThat(closed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        Map<Long, Long> closedEvents = shop().events().stream()
                .filter(e -> e.type().equals("order.closed"))
                .collect(Collectors.groupingBy(StoredEvent::orderId, Collectors.counting()));
        assertThat(closedEvents)
                .containsOnlyKeys(all)
                .allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(shop().product("CUP-1").available()).isEqualTo(1_000);
        shop().assertStockConserved();
    }

    /** The retry delay is short and the grace long: what closes the locked orders is the retried batch, not the sweeper. */
    private DeadlineEngine engine(Queue<Long> closed, Queue<Exception> failures) {
        return DeadlineEngine.builder(CLOCK)
                .source(new PaymentTimeoutSource(shop().orders()))
                .firingThreads(2)
                .retryDelay(Duration.ofMillis(200))
                .grace(Duration.ofMinutes(5))
                .listener(new EngineListener() {
                    @Override
                    public void onFired(DeadlineSource source, List<Fired> fired, boolean bySweeper) {
                        fired.forEach(f -> closed.add(f.id()));
                    }

                    @Override
                    public void onFireFailed(DeadlineSource source, int deadlines, Exception cause) {
                        failures.add(cause);
                    }
                })
                .build();
    }

    private List<Order> placed(int count, Instant firstDue, long apartMillis) {
        Instant now = CLOCK.instant();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(shop().places(anOrder()
                    .of("CUP-1", 1)
                    .createdAt(now)
                    .pendingUntil(firstDue.plusMillis(i * apartMillis))));
        }
        return orders;
    }

    /** Opens a transaction on {@code connection} that holds the orders' rows, as a long writer elsewhere would. */
    private static void lock(Connection connection, List<Order> orders) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement select =
                connection.prepareStatement("SELECT id FROM orders WHERE id = ANY(?) FOR UPDATE")) {
            select.setArray(1, connection.createArrayOf("bigint", ids(orders).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                int held = 0;
                while (rows.next()) {
                    held++;
                }
                assertThat(held).isEqualTo(orders.size());
            }
        }
    }

    private List<OrderStatus> statuses(List<Order> orders) {
        return orders.stream().map(o -> shop().order(o.id()).status()).toList();
    }

    private static List<Long> ids(List<Order> orders) {
        return orders.stream().map(Order::id).toList();
    }
}
