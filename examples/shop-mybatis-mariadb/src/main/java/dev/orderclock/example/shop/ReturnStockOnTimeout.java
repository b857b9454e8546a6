package dev.orderclock.example.shop;

import dev.orderclock.boot.DeadlineHandler;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * What closing an unpaid order means for this shop: its stock goes back. Runs inside orderclock's
 * closing transaction (MyBatis joins it), for exactly the orders that transaction closed.
 */
@Component
public class ReturnStockOnTimeout implements DeadlineHandler {

    private final StockMapper stock;

    public ReturnStockOnTimeout(StockMapper stock) {
        this.stock = stock;
    }

    @Override
    public void fired(String source, List<Long> ids, Instant now) {
        stock.logReturns(ids);
        stock.release(ids);
    }
}
