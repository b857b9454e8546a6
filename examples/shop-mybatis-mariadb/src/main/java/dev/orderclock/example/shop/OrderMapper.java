package dev.orderclock.example.shop;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.LocalDateTime;

@Mapper
public interface OrderMapper {

    @Insert(
            "INSERT INTO t_order (sku_id, quantity, status, pay_expire_time) VALUES (#{skuId}, #{quantity}, 0, #{payExpireTime})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void insert(NewOrder order);

    /** The shop's own payment: a conditional update, so it races a close fairly (one of them wins). */
    @Update("UPDATE t_order SET status = 20 WHERE id = #{id} AND status = 0")
    int markPaid(@Param("id") long id);

    @Select("SELECT status FROM t_order WHERE id = #{id}")
    int status(@Param("id") long id);

    /** What an insert needs; MyBatis fills {@code id} from the generated key. */
    final class NewOrder {
        public Long id;
        public final long skuId;
        public final int quantity;
        public final LocalDateTime payExpireTime;

        public NewOrder(long skuId, int quantity, LocalDateTime payExpireTime) {
            this.skuId = skuId;
            this.quantity = quantity;
            this.payExpireTime = payExpireTime;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }
    }
}
