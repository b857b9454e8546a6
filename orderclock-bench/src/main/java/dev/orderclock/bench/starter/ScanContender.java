package dev.orderclock.bench.starter;

import dev.orderclock.bench.compare.StatementCountingDataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The job a shop writes without orderclock: every second (fixed delay), in one transaction per page,
 * lock up to 1,000 overdue unpaid orders through the (status, pay_expire_time) index, close them with
 * the same conditional update as the starter's {@code close}, and return their stock with the same
 * handler; repeat while pages are full.
 */
final class ScanContender implements Contender {

    static final int PAGE = 1_000;

    private ScheduledExecutorService cron;

    @Override
    public String name() {
        return "scan every 1 s";
    }

    @Override
    public void start(ShopTable shop, StatementCountingDataSource counted) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(counted);
        TransactionTemplate transactions = Closing.transactions(counted, shop.database());
        StockReturn stock = new StockReturn(counted, shop.database());
        cron = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "scan-1s"));
        cron.scheduleWithFixedDelay(() -> scan(jdbc, transactions, stock), 1, 1, TimeUnit.SECONDS);
    }

    private static void scan(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, StockReturn stock) {
        try {
            Integer closed;
            do {
                closed = transactions.execute(status -> closePage(jdbc, stock));
            } while (closed != null && closed == PAGE);
        } catch (RuntimeException e) {
            // A cron job logs and tries again next time; the next scan finds what this one left.
            System.err.println("[bench] scan failed, retrying next second: " + e);
        }
    }

    private static int closePage(NamedParameterJdbcTemplate jdbc, StockReturn stock) {
        MapSqlParameterSource params =
                new MapSqlParameterSource("now", ShopTable.utc(Instant.now())).addValue("limit", PAGE);
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM t_order WHERE status = 0 AND pay_expire_time <= :now"
                        + " ORDER BY pay_expire_time LIMIT :limit FOR UPDATE SKIP LOCKED",
                params,
                Long.class);
        if (!ids.isEmpty()) {
            params.addValue("ids", ids);
            jdbc.update(
                    "UPDATE t_order SET status = 40, close_time = :now, close_reason = 'PAY_TIMEOUT'"
                            + " WHERE id IN (:ids) AND status = 0",
                    params);
            stock.returnStock(ids);
        }
        return ids.size();
    }

    @Override
    public void close() throws InterruptedException {
        if (cron != null) {
            cron.shutdownNow();
            cron.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
