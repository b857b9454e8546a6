package dev.orderclock.jdbc;

import dev.orderclock.order.ClosedByTwoSweepers;
import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.StoreBackend;

import java.time.Duration;

/** The named race ClosedByTwoSweepers, on H2 in memory. */
class H2ClosedByTwoSweepersIT extends ClosedByTwoSweepers {

    @Override
    protected StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod) {
        return JdbcBackend.h2(format, confirmPeriod);
    }
}
