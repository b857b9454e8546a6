package dev.orderclock.channels.alipay;

/** A gateway answer that cannot be trusted: unsigned, wrongly signed, or not the answer to the call. */
public class UnverifiedResponseException extends Exception {

    public UnverifiedResponseException(String message) {
        super(message);
    }
}
