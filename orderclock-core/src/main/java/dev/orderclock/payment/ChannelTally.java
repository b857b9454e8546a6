package dev.orderclock.payment;

/**
 * What one channel's attempts came to: how many were opened, are still open, were paid (money the
 * channel took), and how many of those payments are being or have been refunded.
 */
public record ChannelTally(String channel, long attempts, long open, long paid, long refundsPending, long refunded) {

    /** Payments kept: paid and not going back. */
    public long kept() {
        return paid - refundsPending - refunded;
    }
}
