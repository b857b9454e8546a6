package dev.orderclock.server.payment;

import dev.orderclock.server.testing.ShopperFixture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;

/**
 * Where the payment ITs over HTTP with the simulator start, whichever channel they pay with: a
 * shopper and a product ({@link ShopperFixture}), the database, and the simulator's fault switches,
 * set back to a well-behaved channel after each test.
 */
abstract class SimulatedShop extends ShopperFixture {

    @Autowired
    DataSource dataSource;

    SimFaults faults;

    @BeforeEach
    void theFaultSwitches() {
        faults = new SimFaults(api);
    }

    @AfterEach
    void aWellBehavedChannelAgain() {
        faults.reset();
    }

    /** The order's status, as the operator sees it. */
    String status(String id) {
        return shop.orderAsOperator(id).path("status").asText();
    }

    /** The status of the order's refund, null while it has none. */
    String refundStatus(String id) {
        return shop.orderAsOperator(id).path("refund").path("status").asText(null);
    }
}
