package dev.orderclock.jdbc;

import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** Mismatched attempts and the attempt limit, on PostgreSQL 15. */
class PostgresMismatchedAttemptsIT extends MismatchedAttemptsContract {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.postgres(format, confirmPeriod);
    }
}
