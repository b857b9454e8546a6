package dev.orderclock.payment;

/**
 * The channel answered and refused to open the trade for a reason asking again cannot change (an
 * amount above its maximum, a parameter it does not accept): the caller is told so, not "try again".
 */
public class ChannelRefusedException extends ChannelException {

    public ChannelRefusedException(String message) {
        super(message);
    }
}
