package dev.orderclock.order;

import dev.orderclock.stock.ProductStore;

import java.util.List;

/**
 * What the contract suites need from a storage technology: its stores, a look into the outbox the
 * ports do not read, and a way back to empty. An adapter module implements it once per database.
 */
public interface StoreBackend extends AutoCloseable {

    OrderStore orders();

    ProductStore products();

    /** Every event in the outbox, in the order it was written. */
    List<StoredEvent> events();

    /** Deletes every order, event and product, so that each test starts from an empty store. */
    void clear();

    /** Refreshes the database's statistics after a bulk insert, where it keeps any. */
    default void analyze() {}

    @Override
    void close();
}
