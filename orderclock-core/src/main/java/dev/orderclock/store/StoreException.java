package dev.orderclock.store;

/**
 * A store's call failed in the database: its transaction was rolled back and nothing was written.
 * The adapter says which {@link Kind} of failure it was, so callers never read a database's codes.
 */
public class StoreException extends RuntimeException {

    /** What the database's answer means for the caller. */
    public enum Kind {
        /** A value its column cannot hold (too long, out of range): the caller's input, not a fault. */
        VALUE_DOES_NOT_FIT,
        /** A rule of the schema (a check constraint) refused the write: a bug before the store. */
        RULE_BROKEN,
        /** A lock or statement timeout, or a deadlock or serialization failure that outlived the retries: try again. */
        BUSY,
        /** Anything else: the database could not be reached or failed. */
        FAILED
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
