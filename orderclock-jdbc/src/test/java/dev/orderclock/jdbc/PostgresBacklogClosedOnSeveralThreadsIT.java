package dev.orderclock.jdbc;

import dev.orderclock.order.BacklogClosedOnSeveralThreads;
import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** The named race BacklogClosedOnSeveralThreads, on PostgreSQL 15. */
class PostgresBacklogClosedOnSeveralThreadsIT extends BacklogClosedOnSeveralThreads {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.postgres(format, confirmPeriod);
    }
}
