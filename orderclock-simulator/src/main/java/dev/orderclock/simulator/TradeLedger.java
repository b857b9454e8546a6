package dev.orderclock.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every trade the simulated channels opened, by the shop's trade number. Each change is one atomic
 * step on one trade, so a payment racing a close has exactly one winner, as at a real channel.
 * Expiry is applied when a trade is next looked at: a waiting trade past its expiry is closed.
 * <p>
 * Bounded: past {@code maxTrades}, opening a trade first forgets a tenth of the cap, settled trades
 * first — closed or fully refunded, then paid, each oldest first — and only then the oldest open
 * ones (logged). A paid trade thus stays answerable while later trades settle, as the service's
 * query-before-close needs; a forgotten trade answers as one never opened.
 */
public final class TradeLedger {

    private static final Logger log = LoggerFactory.getLogger(TradeLedger.class);
    /** The order in which the sweep forgets trades. */
    private static final int RANK_CLOSED_OR_REFUNDED = 0;

    private static final int RANK_PAID = 1;
    private static final int RANK_OPEN = 2;

    private final int maxTrades;
    private final ConcurrentHashMap<String, SimTrade> trades = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> byChannelTradeNo = new ConcurrentHashMap<>();
    private final ReentrantLock eviction = new ReentrantLock();

    public TradeLedger() {
        this(SimProperties.DEFAULT_MAX_TRADES);
    }

    public TradeLedger(int maxTrades) {
        if (maxTrades < 1) {
            throw new IllegalArgumentException("maxTrades must be at least 1: " + maxTrades);
        }
        this.maxTrades = maxTrades;
    }

    /** Opens the trade unless its number is taken; answers whichever trade holds the number now. */
    public SimTrade open(SimTrade trade) {
        SimTrade existing = trades.putIfAbsent(trade.tradeNo(), trade);
        if (existing != null) {
            return existing;
        }
        byChannelTradeNo.put(trade.channelTradeNo(), trade.tradeNo());
        if (trades.size() > maxTrades) {
            evict(trade.createdAt());
        }
        return trade;
    }

    public Optional<SimTrade> find(String tradeNo, Instant now) {
        return Optional.ofNullable(trades.computeIfPresent(tradeNo, (no, trade) -> trade.at(now)));
    }

    /** By the channel's own number for the trade (Alipay's {@code trade_no}). */
    public Optional<SimTrade> findByChannelTradeNo(String channelTradeNo, Instant now) {
        return Optional.ofNullable(byChannelTradeNo.get(channelTradeNo)).flatMap(tradeNo -> find(tradeNo, now));
    }

    /** The buyer opened the trade (scanned its QR code). */
    public Optional<SimTrade> scan(String tradeNo, Instant now) {
        return Optional.ofNullable(
                trades.computeIfPresent(tradeNo, (no, trade) -> trade.at(now).scannedByBuyer()));
    }

    /** The buyer pays: accepted only while the trade waits and has not expired, unless the channel misbehaves. */
    public Payment pay(String tradeNo, Instant now, boolean acceptAfterClose) {
        AtomicReference<Payment> result = new AtomicReference<>(new Payment(Payment.Outcome.NOT_FOUND, null));
        trades.computeIfPresent(tradeNo, (no, stored) -> {
            SimTrade trade = stored.at(now);
            if (trade.status() == TradeStatus.PAID) {
                result.set(new Payment(Payment.Outcome.ALREADY_PAID, trade));
                return trade;
            }
            if (trade.status() == TradeStatus.CLOSED && !acceptAfterClose) {
                result.set(new Payment(Payment.Outcome.CLOSED, trade));
                return trade;
            }
            SimTrade paid = trade.paid(now);
            result.set(new Payment(Payment.Outcome.PAID, paid));
            return paid;
        });
        return result.get();
    }

    /** The shop closes the trade: only a waiting trade closes; the others are answered as they are. */
    public Closing close(String tradeNo, Instant now) {
        AtomicReference<Closing> result = new AtomicReference<>(new Closing(Closing.Outcome.NOT_FOUND, null));
        trades.computeIfPresent(tradeNo, (no, stored) -> {
            SimTrade trade = stored.at(now);
            if (trade.status() != TradeStatus.WAITING) {
                result.set(new Closing(Closing.Outcome.NOT_WAITING, trade));
                return trade;
            }
            SimTrade closed = trade.closed(now);
            result.set(new Closing(Closing.Outcome.CLOSED, closed));
            return closed;
        });
        return result.get();
    }

    /** The shop refunds part or all of a paid trade, once per refund request number. */
    public Refunding refund(String tradeNo, String requestNo, BigDecimal amount, Instant now) {
        AtomicReference<Refunding> result =
                new AtomicReference<>(new Refunding(Refunding.Outcome.NOT_FOUND, null, null));
        trades.computeIfPresent(tradeNo, (no, stored) -> {
            SimTrade trade = stored.at(now);
            Optional<SimRefund> earlier = trade.refund(requestNo);
            if (earlier.isPresent()) {
                boolean same = earlier.get().amount().compareTo(amount) == 0;
                result.set(new Refunding(
                        same ? Refunding.Outcome.REPEATED : Refunding.Outcome.DISCORDANT, trade, earlier.get()));
                return trade;
            }
            if (trade.status() != TradeStatus.PAID) {
                result.set(new Refunding(Refunding.Outcome.NOT_PAID, trade, null));
                return trade;
            }
            if (amount.signum() <= 0 || trade.refunded().add(amount).compareTo(trade.amount()) > 0) {
                result.set(new Refunding(Refunding.Outcome.TOO_MUCH, trade, null));
                return trade;
            }
            SimRefund refund = new SimRefund(requestNo, amount, now);
            SimTrade refunded = trade.withRefund(refund);
            result.set(new Refunding(Refunding.Outcome.REFUNDED, refunded, refund));
            return refunded;
        });
        return result.get();
    }

    public int size() {
        return trades.size();
    }

    /**
     * Forgets trades down to nine tenths of the cap (one sweep per tenth, not one per trade). A trade
     * that changed since the sweep looked at it is kept: only the version looked at is removed.
     */
    private void evict(Instant now) {
        eviction.lock();
        try {
            int excess = trades.size() - (maxTrades - maxTrades / 10);
            if (trades.size() <= maxTrades || excess <= 0) {
                return;
            }
            List<Candidate> oldestFirst = trades.values().stream()
                    .map(stored -> Candidate.of(stored, now))
                    .sorted(Comparator.comparingInt(Candidate::rank).thenComparing(Candidate::lastChange))
                    .limit(excess)
                    .toList();
            int open = 0;
            for (Candidate candidate : oldestFirst) {
                SimTrade stored = candidate.stored();
                if (trades.remove(stored.tradeNo(), stored)) {
                    byChannelTradeNo.remove(stored.channelTradeNo(), stored.tradeNo());
                    open += candidate.rank() == RANK_OPEN ? 1 : 0;
                }
            }
            if (open > 0) {
                log.warn(
                        "simulated channel forgot {} open trades, the oldest: more than {} trades held "
                                + "(orderclock.sim.max-trades)",
                        open,
                        maxTrades);
            }
        } finally {
            eviction.unlock();
        }
    }

    /** A trade as the sweep ranks it: closed or fully refunded first, then paid, then open; oldest change first. */
    private record Candidate(SimTrade stored, int rank, Instant lastChange) {

        static Candidate of(SimTrade stored, Instant now) {
            SimTrade trade = stored.at(now);
            Instant last = switch (trade.status()) {
                case PAID -> trade.paidAt();
                case CLOSED -> trade.closedAt();
                case WAITING -> trade.createdAt();
            };
            for (SimRefund refund : trade.refunds()) {
                last = refund.at().isAfter(last) ? refund.at() : last;
            }
            int rank = trade.status() == TradeStatus.CLOSED || trade.isFullyRefunded()
                    ? RANK_CLOSED_OR_REFUNDED
                    : trade.status() == TradeStatus.PAID ? RANK_PAID : RANK_OPEN;
            return new Candidate(stored, rank, last);
        }
    }

    /** How a payment attempt ended, and the trade after it (null if none). */
    public record Payment(Outcome outcome, SimTrade trade) {

        public enum Outcome {
            PAID,
            ALREADY_PAID,
            CLOSED,
            NOT_FOUND
        }
    }

    /** How a close ended, and the trade after it (null if none). */
    public record Closing(Outcome outcome, SimTrade trade) {

        public enum Outcome {
            CLOSED,
            NOT_WAITING,
            NOT_FOUND
        }
    }

    /** How a refund ended: the trade after it, and the refund carried out now or earlier under that number. */
    public record Refunding(Outcome outcome, SimTrade trade, SimRefund refund) {

        public enum Outcome {
            REFUNDED,
            REPEATED,
            DISCORDANT,
            NOT_PAID,
            TOO_MUCH,
            NOT_FOUND
        }
    }
}
