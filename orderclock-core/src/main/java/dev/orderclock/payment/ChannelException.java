package dev.orderclock.payment;

/** The channel refused or could not be reached for a call whose failure must reach the caller (opening a trade). */
public class ChannelException extends RuntimeException {

    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
