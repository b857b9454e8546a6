package dev.orderclock.channels.http;

import dev.orderclock.payment.ChannelException;
import dev.orderclock.payment.ChannelRefusedException;
import dev.orderclock.payment.InboundNotification;
import dev.orderclock.payment.OpenedTrade;
import dev.orderclock.payment.PaymentChannel;
import dev.orderclock.payment.PaymentNotification;
import dev.orderclock.payment.TradeRequest;
import dev.orderclock.payment.TradeState;

import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Function;

/**
 * What the channel adapters share: the channel's name, the clock that dates what an answer leaves
 * undated, the reader of its notifications, and how an answer to opening a trade, or about a trade
 * that is not the shop's, becomes what the caller acts on. Each adapter keeps its calls and wire format.
 */
public abstract class ChannelAdapter implements PaymentChannel {

    /** The currency of every trade this shop opens; a trade naming another is not ours. */
    public static final String CURRENCY = "CNY";

    protected final InstantSource clock;

    private final String name;
    private final Function<String, Instant> timeFormat;
    private final Function<InboundNotification, PaymentNotification> notifications;

    /**
     * @param timeFormat    reads a moment in the channel's format, throwing {@code DateTimeParseException}
     * @param notifications verifies and reads the channel's notifications
     */
    protected ChannelAdapter(
            String name,
            InstantSource clock,
            Function<String, Instant> timeFormat,
            Function<InboundNotification, PaymentNotification> notifications) {
        this.name = name;
        this.clock = clock;
        this.timeFormat = timeFormat;
        this.notifications = notifications;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final PaymentNotification readNotification(InboundNotification notification) {
        return notifications.apply(notification);
    }

    /** The moment an answer reports, or the moment it came when it reports none readable. */
    protected final Instant timeOr(String reported) {
        return ReportedTime.orNow(reported, timeFormat, clock);
    }

    /** The call that opens a trade got no answer: the caller may open it again under the same number. */
    protected static ChannelException noAnswer(String call, String why) {
        return new ChannelException(call + " got no answer: " + why);
    }

    /**
     * The trade the channel opened, from its answer.
     *
     * @param finalRefusal whether the answer is a refusal that asking again cannot change
     * @param codeUrl      the QR code's content when the channel opened the trade, else null
     * @param answer       the answer, described for the exception's message
     * @throws ChannelRefusedException a refusal asking again cannot change
     * @throws ChannelException        any other refusal: the caller's query decides
     */
    protected static OpenedTrade opened(
            String call, TradeRequest request, Instant expiresAt, boolean finalRefusal, String codeUrl, String answer) {
        if (finalRefusal) {
            throw new ChannelRefusedException(call + " refused " + request.tradeNo() + ": " + answer);
        }
        if (codeUrl == null) {
            throw new ChannelException(call + " refused " + request.tradeNo() + ": " + answer);
        }
        return new OpenedTrade(request.tradeNo(), codeUrl, expiresAt);
    }

    /**
     * A trade that is not the shop's (another merchant, another currency), with the money it took when
     * the channel reports it {@code paid}.
     */
    protected static TradeState mismatched(String why, TradeState paid) {
        return new TradeState.Mismatched(why, paid instanceof TradeState.Paid money ? money : null);
    }
}
