package dev.orderclock.jdbc;

import dev.orderclock.order.BacklogClosedOnSeveralThreads;
import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** The named race BacklogClosedOnSeveralThreads, on H2 in memory. */
class H2BacklogClosedOnSeveralThreadsIT extends BacklogClosedOnSeveralThreads {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.h2(format, confirmPeriod);
    }
}
