package dev.orderclock.server.stock;

/** The limits product requests share. */
final class ProductRequests {

    /** Letters, digits, '.', '_' and '-', starting with a letter or digit: safe in a URL path as is. */
    static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    static final String SKU_RULE =
            "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-', starting with a letter or digit";
    /** Far above any real stock, far below where counters could overflow. */
    static final long MAX_QUANTITY = 1_000_000_000L;

    private ProductRequests() {}
}
