package dev.orderclock.order;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

/**
 * The life of a backend under a suite: opened once per test class, emptied before each test,
 * closed after the last. An adapter's test class says only how to open its backend.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreSuite {

    /** Not the adapters' default, so that a suite sees whether the setting is honoured. */
    public static final Duration CONFIRM_PERIOD = Duration.ofDays(3);

    private StoreBackend backend;
    private Shop shop;

    /** A backend over an empty database of its own, whose order store renders events with {@code format}. */
    protected abstract StoreBackend openBackend(OrderEventFormat format, Duration confirmPeriod);

    @BeforeAll
    final void openTheBackend() {
        backend = openBackend(new PlainEventFormat(), CONFIRM_PERIOD);
    }

    @BeforeEach
    final void startFromAnEmptyStore() {
        backend.clear();
        shop = new Shop(backend);
    }

    @AfterAll
    final void closeTheBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    public Shop shop() {
        return shop;
    }
}
