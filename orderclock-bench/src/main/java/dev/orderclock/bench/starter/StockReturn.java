package dev.orderclock.bench.starter;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;
import javax.sql.DataSource;

/**
 * The example's handler ({@code ReturnStockOnTimeout}) in plain JDBC: log each closed order's stock
 * return and add the quantities back, summed per SKU. Through the closing transaction's data source,
 * so it runs inside that transaction.
 */
final class StockReturn {

    private final NamedParameterJdbcTemplate jdbc;
    private final ShopTable.Database database;

    StockReturn(DataSource dataSource, ShopTable.Database database) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.database = database;
    }

    void returnStock(List<Long> ids) {
        MapSqlParameterSource params = new MapSqlParameterSource("ids", ids);
        jdbc.update(
                "INSERT INTO t_stock_return (order_id, sku_id, quantity)"
                        + " SELECT id, sku_id, quantity FROM t_order WHERE id IN (:ids)",
                params);
        String sums = "(SELECT sku_id, SUM(quantity) AS quantity FROM t_order WHERE id IN (:ids) GROUP BY sku_id) r";
        jdbc.update(
                database == ShopTable.Database.MARIADB
                        ? "UPDATE t_stock s JOIN " + sums
                                + " ON r.sku_id = s.sku_id SET s.available = s.available + r.quantity"
                        : "UPDATE t_stock s SET available = s.available + r.quantity FROM " + sums
                                + " WHERE r.sku_id = s.sku_id",
                params);
    }
}
