package dev.orderclock.boot;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.Fired;
import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The starter's SQL over a shop's table, the same on every database: the range scan, closing only
 * what is pending and overdue, a handler's failure rolling the batch back, and the named races (paid
 * while closing; two nodes claiming the same rows), counted by the handler's effects per id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TableDeadlineSourceContract {

    static final Instant T0 = Instant.parse("2026-03-29T01:30:00Z");

    final ShopDatabase db = database();
    final JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
    final DataSourceTransactionManager transactions = new DataSourceTransactionManager(db.dataSource());
    final ManualClock clock = new ManualClock(T0);

    abstract ShopDatabase database();

    @AfterAll
    void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void emptyTables() {
        db.execute("DELETE FROM t_order", "DELETE FROM effect");
        clock.set(T0);
    }

    TableDeadlineSource source(String node, DeadlineHandler... extra) {
        OrderClockProperties.Table spec = new OrderClockProperties.Table();
        spec.setTable("t_order");
        spec.setDueColumn("pay_expire_time");
        spec.setPending("status = 0");
        spec.setClose("status = 40, close_time = :now, close_reason = 'PAY_TIMEOUT'");
        TableInspector inspector = new TableInspector(jdbc, new TransactionTemplate(transactions));
        TableSql sql = inspector.dialect();
        DeadlineTable table = inspector.inspect("payment-timeout", spec, sql);
        List<DeadlineHandler> handlers = new ArrayList<>();
        handlers.add((source, ids, now) ->
                ids.forEach(id -> jdbc.update("INSERT INTO effect (order_id, node) VALUES (?, ?)", id, node)));
        handlers.addAll(List.of(extra));
        return new TableDeadlineSource(
                table,
                sql,
                new NamedParameterJdbcTemplate(jdbc),
                OrderClockAutoConfiguration.closingTransactions(transactions, sql, Duration.ofSeconds(30)),
                handlers,
                clock);
    }

    void order(long id, int status, Instant expiry) {
        jdbc.update(
                "INSERT INTO t_order (id, status, pay_expire_time) VALUES (?, ?, ?)",
                id,
                status,
                LocalDateTime.ofInstant(expiry, ZoneOffset.UTC));
    }

    int status(long id) {
        return jdbc.queryForObject("SELECT status FROM t_order WHERE id = ?", Integer.class, id);
    }

    Map<Long, Long> effectsPerId() {
        Map<Long, Long> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT order_id, COUNT(*) FROM effect GROUP BY order_id", rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        });
        return counts;
    }

    @Test
    void the_due_columns_millisecond_precision_and_zone_less_type_are_read_from_the_database() {
        DeadlineTable table = source("a").table();

        assertThat(table.fractionalDigits()).isEqualTo(3);
        assertThat(table.zoned()).isFalse();
    }

    @Test
    void the_scan_reads_pending_rows_of_the_window_in_due_then_id_order_page_by_page() {
        order(3, 0, T0.plusSeconds(10));
        order(1, 0, T0.plusSeconds(10));
        order(2, 0, T0.plusMillis(5_001));
        order(4, 20, T0.plusSeconds(5));
        order(5, 0, T0.plusSeconds(61));
        TableDeadlineSource source = source("a");

        List<Deadline> first = source.scan(Deadline.BEGINNING, T0.plusSeconds(60), 2);
        List<Deadline> rest = source.scan(first.get(1), T0.plusSeconds(60), 2);

        assertThat(first)
                .containsExactly(
                        new Deadline(2, T0.plusMillis(5_001).toEpochMilli()),
                        new Deadline(1, T0.plusSeconds(10).toEpochMilli()));
        assertThat(rest).containsExactly(new Deadline(3, T0.plusSeconds(10).toEpochMilli()));
    }

    @Test
    void firing_closes_only_the_rows_still_pending_and_due_and_hands_exactly_those_to_the_handler() {
        order(1, 0, T0.minusSeconds(1));
        order(2, 0, T0.plusSeconds(30));
        order(3, 20, T0.minusSeconds(1));
        order(4, 0, T0);
        List<List<Long>> handed = new ArrayList<>();
        TableDeadlineSource source = source("a", (name, ids, now) -> handed.add(ids));

        List<Fired> fired = source.fire(new long[] {1, 2, 3, 4, 99}, T0);

        assertThat(fired).extracting(Fired::id).containsExactlyInAnyOrder(1L, 4L);
        assertThat(handed).singleElement().asList().containsExactlyInAnyOrder(1L, 4L);
        assertThat(List.of(status(1), status(2), status(3), status(4))).containsExactly(40, 0, 20, 40);
        assertThat(jdbc.queryForObject("SELECT close_time FROM t_order WHERE id = 1", LocalDateTime.class))
                .isEqualTo(LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
        assertThat(source.fire(new long[] {1, 4}, T0)).isEmpty();
    }

    @Test
    void a_sweep_claims_at_most_its_limit_of_overdue_pending_rows_oldest_first() {
        for (long id = 1; id <= 5; id++) {
            order(id, 0, T0.minusSeconds(100 - id));
        }
        order(6, 0, T0.plusSeconds(1));
        TableDeadlineSource source = source("a");

        List<Fired> first = source.sweep(T0, 3, T0);
        List<Fired> second = source.sweep(T0, 3, T0);

        assertThat(first).extracting(Fired::id).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(second).extracting(Fired::id).containsExactlyInAnyOrder(4L, 5L);
        assertThat(status(6)).isZero();
    }

    @Test
    void a_handler_that_throws_rolls_the_whole_batch_back_and_a_retry_closes_it() {
        order(1, 0, T0.minusSeconds(1));
        order(2, 0, T0.minusSeconds(1));
        TableDeadlineSource failing = source("a", (name, ids, now) -> {
            throw new IllegalStateException("stock service down");
        });

        assertThatThrownBy(() -> failing.fire(new long[] {1, 2}, T0)).hasMessageContaining("stock service down");
        assertThat(List.of(status(1), status(2))).containsExactly(0, 0);
        assertThat(effectsPerId()).isEmpty();

        assertThat(source("a").fire(new long[] {1, 2}, T0)).hasSize(2);
        assertThat(effectsPerId()).containsExactly(Map.entry(1L, 1L), Map.entry(2L, 1L));
    }

    @Test
    void paid_while_closing_the_payment_committed_first_wins_and_the_close_changes_nothing() throws Exception {
        order(1, 0, T0.minusSeconds(1));
        TableDeadlineSource source = source("a");
        CountDownLatch paymentHoldsRow = new CountDownLatch(1);
        CountDownLatch commitPayment = new CountDownLatch(1);
        CompletableFuture<Integer> payment =
                CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions).execute(status -> {
                    int paid = jdbc.update("UPDATE t_order SET status = 20 WHERE id = 1 AND status = 0");
                    paymentHoldsRow.countDown();
                    await(commitPayment);
                    return paid;
                }));
        await(paymentHoldsRow);

        CompletableFuture<List<Fired>> close = CompletableFuture.supplyAsync(() -> source.fire(new long[] {1}, T0));
        // The close cannot finish while the payment holds the row: it waits for the lock.
        org.awaitility.Awaitility.await()
                .during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> !close.isDone());
        commitPayment.countDown();

        assertThat(payment.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(close.get(20, TimeUnit.SECONDS)).isEmpty();
        assertThat(status(1)).isEqualTo(20);
        assertThat(effectsPerId()).isEmpty();
    }

    @Test
    void paid_while_closing_the_close_committed_first_wins_and_the_payment_changes_nothing() throws Exception {
        order(1, 0, T0.minusSeconds(1));
        CountDownLatch closeHoldsRow = new CountDownLatch(1);
        CountDownLatch commitClose = new CountDownLatch(1);
        TableDeadlineSource source = source("a", (name, ids, now) -> {
            closeHoldsRow.countDown();
            await(commitClose);
        });
        CompletableFuture<List<Fired>> close = CompletableFuture.supplyAsync(() -> source.fire(new long[] {1}, T0));
        await(closeHoldsRow);

        CompletableFuture<Integer> payment = CompletableFuture.supplyAsync(
                () -> jdbc.update("UPDATE t_order SET status = 20 WHERE id = 1 AND status = 0"));
        org.awaitility.Awaitility.await()
                .during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> !payment.isDone());
        commitClose.countDown();

        assertThat(close.get(20, TimeUnit.SECONDS)).extracting(Fired::id).containsExactly(1L);
        assertThat(payment.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(status(1)).isEqualTo(40);
    }

    @Test
    void two_nodes_sweeping_and_firing_the_same_rows_close_each_row_exactly_once() throws Exception {
        long[] ids = LongStream.rangeClosed(1, 300).toArray();
        for (long id : ids) {
            order(id, 0, T0.minusMillis(id));
        }
        TableDeadlineSource nodeA = source("a");
        TableDeadlineSource nodeB = source("b");

        CompletableFuture<Integer> sweepsA = CompletableFuture.supplyAsync(() -> sweepUntilEmpty(nodeA));
        CompletableFuture<Integer> sweepsB = CompletableFuture.supplyAsync(() -> sweepUntilEmpty(nodeB));
        CompletableFuture<Integer> firesA = CompletableFuture.supplyAsync(() -> fireInBatches(nodeA, ids));
        CompletableFuture<Integer> firesB = CompletableFuture.supplyAsync(() -> fireInBatches(nodeB, ids));
        int reported = sweepsA.get(60, TimeUnit.SECONDS)
                + sweepsB.get(60, TimeUnit.SECONDS)
                + firesA.get(60, TimeUnit.SECONDS)
                + firesB.get(60, TimeUnit.SECONDS);

        assertThat(reported).isEqualTo(ids.length);
        assertThat(effectsPerId())
                .hasSize(ids.length)
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t_order WHERE status = 40", Integer.class))
                .isEqualTo(ids.length);
    }

    @Test
    void an_engine_on_a_manual_clock_closes_a_row_once_its_expiry_has_passed() {
        order(1, 0, T0.plus(Duration.ofMinutes(30)));
        DeadlineEngine engine =
                DeadlineEngine.builder(clock).source(source("a")).build();
        engine.runOnce();
        assertThat(status(1)).isZero();

        clock.advance(Duration.ofMinutes(30));
        engine.runOnce();

        assertThat(status(1)).isEqualTo(40);
        assertThat(effectsPerId()).containsExactly(Map.entry(1L, 1L));
    }

    private static int sweepUntilEmpty(TableDeadlineSource source) {
        int closed = 0;
        List<Fired> fired;
        do {
            fired = source.sweep(T0, 17, T0);
            closed += fired.size();
        } while (!fired.isEmpty());
        return closed;
    }

    private static int fireInBatches(TableDeadlineSource source, long[] ids) {
        int closed = 0;
        for (int from = 0; from < ids.length; from += 25) {
            closed += source.fire(java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + 25)), T0)
                    .size();
        }
        return closed;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not reached");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
