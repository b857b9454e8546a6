package dev.orderclock.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** What the channel says about a trade. Only {@link Paid} means money arrived. */
public sealed interface TradeState {

    /** The channel knows no such trade (Alipay before the buyer scans): not the same as closed. */
    record NotFound() implements TradeState {}

    record Waiting() implements TradeState {}

    record Paid(String channelTradeNo, BigDecimal amount, Instant paidAt) implements TradeState {}

    record Closed() implements TradeState {}

    /**
     * The channel's trade under our number is not the one we opened: another currency or merchant
     * ({@code what} says which). {@code money} is what the buyer paid into it, null when nothing was.
     */
    record Mismatched(String what, Paid money) implements TradeState {}

    /** The answer was an error or never came: ask again later. */
    record Unknown(String reason) implements TradeState {}
}
