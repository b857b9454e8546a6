package dev.orderclock.bench.starter;

import dev.orderclock.bench.compare.StatementCountingDataSource;
import dev.orderclock.boot.DeadlineHandler;
import dev.orderclock.boot.DeadlineTable;
import dev.orderclock.boot.TableDeadlineSource;
import dev.orderclock.boot.TableSql;
import dev.orderclock.deadline.DeadlineEngine;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.InstantSource;
import java.util.List;

/**
 * The starter's engine as {@code orderclock.deadlines.payment-timeout} of the example builds it:
 * {@link TableDeadlineSource} with the engine's default settings (those of {@code orderclock.engine.*}),
 * in-process without a Spring context, the example's stock return as its {@link DeadlineHandler}.
 */
final class StarterContender implements Contender {

    static final DeadlineTable PAYMENT_TIMEOUT = new DeadlineTable(
            "payment-timeout",
            "t_order",
            "id",
            "pay_expire_time",
            "status = 0",
            "status = 40, close_time = :now, close_reason = 'PAY_TIMEOUT'",
            false,
            3);

    private DeadlineEngine engine;

    @Override
    public String name() {
        return "starter";
    }

    @Override
    public void start(ShopTable shop, StatementCountingDataSource counted) {
        TableSql sql = shop.database() == ShopTable.Database.MARIADB ? TableSql.MARIADB : TableSql.POSTGRESQL;
        InstantSource clock = InstantSource.system();
        // The handler's JdbcTemplate uses the same data source, so it joins the closing transaction.
        StockReturn stock = new StockReturn(counted, shop.database());
        DeadlineHandler handler = (source, ids, now) -> stock.returnStock(ids);
        TableDeadlineSource source = new TableDeadlineSource(
                PAYMENT_TIMEOUT,
                sql,
                new NamedParameterJdbcTemplate(counted),
                Closing.transactions(counted, shop.database()),
                List.of(handler),
                clock);
        engine = DeadlineEngine.builder(clock).source(source).build();
        engine.start();
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.stop();
        }
    }
}
