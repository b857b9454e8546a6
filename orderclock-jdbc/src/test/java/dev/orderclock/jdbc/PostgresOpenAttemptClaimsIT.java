package dev.orderclock.jdbc;

import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** Closing for timeout and claiming orders held by an open attempt, on PostgreSQL 15. */
class PostgresOpenAttemptClaimsIT extends OpenAttemptClaimsContract {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.postgres(format, confirmPeriod);
    }
}
