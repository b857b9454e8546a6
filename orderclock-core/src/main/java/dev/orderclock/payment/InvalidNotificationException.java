package dev.orderclock.payment;

/** A notification that is not genuine, not ours or unreadable; nothing may change because of it. */
public class InvalidNotificationException extends RuntimeException {

    /** Why it was refused; the notify endpoints map each to the channel's own failure answer. */
    public enum Reason {
        BAD_SIGNATURE,
        STALE,
        FOREIGN_MERCHANT,
        /** The trade is in another currency than the shop's yuan. */
        FOREIGN_CURRENCY,
        UNDECRYPTABLE,
        MALFORMED
    }

    private final Reason reason;

    public InvalidNotificationException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
