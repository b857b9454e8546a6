package dev.orderclock.simulator;

import dev.orderclock.simulator.TradeLedger.Payment;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The simulated buyer, for any channel: look at a trade, open it (scan its QR code), pay it. A paid
 * trade is then notified to the shop by its channel, in that channel's format.
 */
@RestController
@ConditionalOnSimulator
@RequestMapping("/sim/trades")
class SimTradeController {

    static final URI PAYMENT_REFUSED = URI.create(SimProblems.BASE + "payment-refused");

    private final TradeLedger ledger;
    private final Faults faults;
    private final InstantSource clock;
    private final Map<String, SimChannel> channels;

    SimTradeController(TradeLedger ledger, Faults faults, InstantSource clock, List<SimChannel> channels) {
        this.ledger = ledger;
        this.faults = faults;
        this.clock = clock;
        this.channels = channels.stream().collect(Collectors.toMap(SimChannel::name, Function.identity()));
    }

    @GetMapping("/{tradeNo}")
    TradeView trade(@PathVariable String tradeNo) {
        return view(ledger.find(tradeNo, clock.instant()).orElseThrow(() -> notFound(tradeNo)));
    }

    /** The buyer opens the trade without paying (an addition to docs/API.md, for {@code unscanned-not-exist}). */
    @PostMapping("/{tradeNo}/scan")
    TradeView scan(@PathVariable String tradeNo) {
        return view(ledger.scan(tradeNo, clock.instant()).orElseThrow(() -> notFound(tradeNo)));
    }

    /** 200 when the channel accepts the payment, 409 when it refuses (closed, expired, already paid). */
    @PostMapping("/{tradeNo}/pay")
    ResponseEntity<Object> pay(@PathVariable String tradeNo) {
        Instant now = clock.instant();
        Payment payment = ledger.pay(tradeNo, now, faults.acceptAfterClose());
        if (payment.outcome() == Payment.Outcome.NOT_FOUND) {
            throw notFound(tradeNo);
        }
        SimChannel channel = channelOf(payment.trade());
        if (payment.outcome() == Payment.Outcome.PAID) {
            channel.paid(payment.trade());
            return ResponseEntity.ok(TradeView.of(payment.trade(), channel));
        }
        ProblemDetail refused = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                payment.outcome() == Payment.Outcome.ALREADY_PAID
                        ? "the trade is already paid"
                        : payment.trade().isExpiredAt(now)
                                ? "the trade expired at " + payment.trade().expiresAt()
                                : "the trade is closed");
        refused.setType(PAYMENT_REFUSED);
        refused.setTitle("Payment refused by the channel");
        refused.setProperty("tradeStatus", channel.statusOf(payment.trade()));
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(refused);
    }

    private TradeView view(SimTrade trade) {
        return TradeView.of(trade, channelOf(trade));
    }

    private SimChannel channelOf(SimTrade trade) {
        SimChannel channel = channels.get(trade.channel());
        if (channel == null) {
            throw new IllegalStateException("no simulated channel " + trade.channel());
        }
        return channel;
    }

    private static ErrorResponseException notFound(String tradeNo) {
        return SimProblems.notFound("no simulated trade " + tradeNo, "tradeNo", tradeNo);
    }
}
