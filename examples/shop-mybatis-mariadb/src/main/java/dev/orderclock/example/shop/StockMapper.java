package dev.orderclock.example.shop;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.util.List;

@Mapper
public interface StockMapper {

    @Update(
            "UPDATE t_stock SET available = available - #{quantity} WHERE sku_id = #{skuId} AND available >= #{quantity}")
    int reserve(@Param("skuId") long skuId, @Param("quantity") int quantity);

    /** Logs the return of each closed order's stock; the sums below add it back. */
    @Insert(
            "<script>INSERT INTO t_stock_return (order_id, sku_id, quantity) SELECT id, sku_id, quantity FROM t_order"
                    + " WHERE id IN <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
    int logReturns(@Param("ids") List<Long> ids);

    /**
     * Adds the closed orders' quantities back, summed per SKU first: a multiple-table UPDATE in MySQL
     * and MariaDB changes each stock row once even when several orders of a batch join it.
     */
    @Update("<script>UPDATE t_stock s JOIN (SELECT sku_id, SUM(quantity) AS quantity FROM t_order WHERE id IN"
            + " <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>"
            + " GROUP BY sku_id) r ON r.sku_id = s.sku_id SET s.available = s.available + r.quantity</script>")
    int release(@Param("ids") List<Long> ids);

    @Select("SELECT available FROM t_stock WHERE sku_id = #{skuId}")
    int available(@Param("skuId") long skuId);
}
