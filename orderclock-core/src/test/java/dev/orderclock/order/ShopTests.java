package dev.orderclock.order;

import java.time.Instant;

/** The base of the contract parts: each is an interface of default test methods over a {@link Shop}. */
public interface ShopTests {

    /** When things happen in the contract tests: fixed instants passed in, never a clock that runs. */
    Instant T0 = Instant.parse("2026-11-24T19:20:00.123Z");

    Shop shop();
}
