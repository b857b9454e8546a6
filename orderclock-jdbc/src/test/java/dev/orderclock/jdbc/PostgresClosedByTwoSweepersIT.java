package dev.orderclock.jdbc;

import dev.orderclock.order.ClosedByTwoSweepers;
import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** The named race ClosedByTwoSweepers, on PostgreSQL 15. */
class PostgresClosedByTwoSweepersIT extends ClosedByTwoSweepers {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.postgres(format, confirmPeriod);
    }
}
