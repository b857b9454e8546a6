package dev.orderclock.payment;

/**
 * A payment channel (Alipay, WeChat Pay) as the order side needs it: open a trade that expires at
 * the order's deadline, ask it what happened, close it, refund it, and read its notifications.
 * Adapters speak the channel's real wire format. Answers that leave the outcome unknown (a timeout,
 * a system error) are {@code Unknown}, never guessed into "not paid".
 */
public interface PaymentChannel {

    /** The channel's name in the API: {@code alipay}, {@code wechat}. */
    String name();

    /** Opens a trade; throws {@link ChannelException} when the channel did not open it. */
    OpenedTrade open(TradeRequest request);

    TradeState query(String tradeNo);

    CloseAnswer close(String tradeNo);

    /** Asks for a refund; idempotent by {@code request.refundRequestNo()}. */
    RefundAnswer refund(RefundRequest request);

    RefundAnswer refundStatus(String tradeNo, String refundRequestNo);

    /**
     * Verifies (signature, merchant, freshness) and reads a notification as it arrived over HTTP.
     *
     * @throws InvalidNotificationException when it is not genuine or not for this merchant
     */
    PaymentNotification readNotification(InboundNotification notification);
}
