package dev.orderclock.order;

/**
 * The contract every {@link OrderStore} (and its {@link dev.orderclock.stock.ProductStore}) keeps,
 * one suite for every backend: an adapter subclasses it and says how to open its backend. The tests
 * live in the interfaces it implements, one per part of the port.
 */
public abstract class OrderStoreContract extends StoreSuite
        implements CreatingOrdersContract,
                ChangingStatusContract,
                FiringDeadlinesContract,
                ScanningDeadlinesContract,
                ListingOrdersContract,
                ProductsContract,
                HoldingLimitsContract {}
