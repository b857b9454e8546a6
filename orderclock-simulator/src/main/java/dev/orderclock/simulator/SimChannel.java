package dev.orderclock.simulator;

/** One simulated channel (Alipay, later WeChat Pay) as the channel-neutral buyer endpoints need it. */
public interface SimChannel {

    /** As in {@link SimTrade#channel()}: {@code alipay}, {@code wechat}. */
    String name();

    /** The trade's status in the channel's own terms ({@code WAIT_BUYER_PAY}, {@code TRADE_SUCCESS}...). */
    String statusOf(SimTrade trade);

    /** The buyer paid: the channel notifies the shop, in its own format and on its own retry schedule. */
    void paid(SimTrade trade);
}
