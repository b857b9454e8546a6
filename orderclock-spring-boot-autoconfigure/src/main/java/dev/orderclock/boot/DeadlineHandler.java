package dev.orderclock.boot;

import java.time.Instant;
import java.util.List;

/**
 * What closing means for the shop: return stock, release coupons, write an outbox row. Called inside
 * the closing transaction (the application's transaction manager, so JdbcTemplate, MyBatis and JPA
 * all join it) for exactly the ids whose row the conditional update changed. If it throws, nothing of
 * the batch is committed and the batch is tried again later.
 */
@FunctionalInterface
public interface DeadlineHandler {

    /**
     * @param source the deadline's name under {@code orderclock.deadlines}
     * @param ids    the rows just closed, never empty
     * @param now    the engine clock's time of the close, also bound to {@code :now}
     */
    void fired(String source, List<Long> ids, Instant now);
}
