package dev.orderclock.server.acceptance;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariant 5, read from the database: for every SKU, stock = available + reserved by pending orders + sold. */
final class StockLedger {

    private StockLedger() {}

    static void assertConserved(JdbcTemplate jdbc) {
        List<Map<String, Object>> broken = jdbc.queryForList("""
                SELECT p.sku, p.stock, p.available, p.sold, COALESCE(r.reserved, 0) AS reserved
                  FROM products p
                  LEFT JOIN (SELECT l.sku, SUM(l.quantity) AS reserved
                               FROM order_lines l JOIN orders o ON o.id = l.order_id
                              WHERE o.status = 'PENDING_PAYMENT'
                              GROUP BY l.sku) r ON r.sku = p.sku
                 WHERE p.stock <> p.available + COALESCE(r.reserved, 0) + p.sold
                """);
        assertThat(broken)
                .as("SKUs whose stock is not available + reserved + sold")
                .isEmpty();
    }
}
