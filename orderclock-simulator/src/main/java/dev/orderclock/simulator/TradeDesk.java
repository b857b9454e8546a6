package dev.orderclock.simulator;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * What the simulated channels' trade calls share: the one ledger, the fault switches, randomness and
 * time, and the channel-neutral steps of opening a trade and finding one. Each channel keeps its own
 * checks, answers and numbers.
 */
public record TradeDesk(TradeLedger ledger, Faults faults, SimRandom random, InstantSource clock) {

    /** Opens the trade unless its number is taken. */
    public Opening open(SimTrade candidate) {
        SimTrade stored = ledger.open(candidate);
        return new Opening(candidate, stored.at(candidate.createdAt()), stored != candidate);
    }

    /** The channel's trade by the shop's number, or (that null) by the channel's own; a null number finds none. */
    public Optional<SimTrade> find(String channel, String tradeNo, String channelTradeNo, Instant now) {
        Optional<SimTrade> trade = tradeNo != null
                ? ledger.find(tradeNo, now)
                : Optional.ofNullable(channelTradeNo).flatMap(no -> ledger.findByChannelTradeNo(no, now));
        return trade.filter(found -> channel.equals(found.channel()));
    }

    /**
     * As {@link #find}, unless the channel would not know the trade yet: with {@code unscanned-not-exist},
     * a trade exists only once the buyer has scanned it.
     */
    public Optional<SimTrade> visible(String channel, String tradeNo, String channelTradeNo) {
        return find(channel, tradeNo, channelTradeNo, clock.instant())
                .filter(found -> found.scanned() || !faults.unscannedNotExist());
    }

    /**
     * @param opened   the trade as this call asked for it
     * @param trade    the trade holding the number now: {@code opened}, or one opened before under it
     * @param repeated whether the number was taken before
     */
    public record Opening(SimTrade opened, SimTrade trade, boolean repeated) {}
}
