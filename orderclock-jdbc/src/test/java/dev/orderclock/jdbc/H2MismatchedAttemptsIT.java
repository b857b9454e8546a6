package dev.orderclock.jdbc;

import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** Mismatched attempts and the attempt limit, on H2 in memory. */
class H2MismatchedAttemptsIT extends MismatchedAttemptsContract {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.h2(format, confirmPeriod);
    }
}
