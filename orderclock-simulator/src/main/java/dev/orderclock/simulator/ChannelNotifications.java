package dev.orderclock.simulator;

import dev.orderclock.simulator.OutgoingNotification.Message;
import dev.orderclock.simulator.OutgoingNotification.Reply;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the simulated channels' notifications have in common: the trade's {@code notify_url} as the
 * target (none, or one that is not a URL, and nothing is sent), and the {@link Notifier} delivering each
 * on the channel's retry schedule until the shop gives the channel's success answer. Each channel
 * keeps its own format and signature.
 */
public abstract class ChannelNotifications implements SimChannel {

    private static final Logger log = LoggerFactory.getLogger(ChannelNotifications.class);

    protected final SimRandom random;
    protected final InstantSource clock;

    private final String name;
    private final Notifier notifier;
    private final List<Duration> retrySchedule;
    private final Predicate<Reply> accepted;

    /**
     * @param retrySchedule the channel's waits before the 2nd, 3rd... attempt
     * @param accepted      the shop's answer that ends the retries
     */
    protected ChannelNotifications(
            String name,
            Notifier notifier,
            SimRandom random,
            InstantSource clock,
            List<Duration> retrySchedule,
            Predicate<Reply> accepted) {
        this.name = name;
        this.notifier = notifier;
        this.random = random;
        this.clock = clock;
        this.retrySchedule = List.copyOf(retrySchedule);
        this.accepted = accepted;
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * A channel's retry schedule as its documentation writes it: waits such as {@code 15s}, {@code 10m},
     * {@code 6h}, separated by blanks.
     */
    protected static List<Duration> schedule(String waits) {
        return Arrays.stream(waits.trim().split("\\s+"))
                .map(wait -> Duration.parse("PT" + wait.toUpperCase(Locale.ROOT)))
                .toList();
    }

    /** Where the trade's notifications go: empty when the shop gave no {@code notify_url} the channel can reach. */
    protected static Optional<URI> target(SimTrade trade) {
        if (trade.notifyUrl() == null || trade.notifyUrl().isBlank()) {
            return Optional.empty(); // the shop gave no notify_url: the channel has nowhere to send it
        }
        try {
            return Optional.of(URI.create(trade.notifyUrl()));
        } catch (IllegalArgumentException e) {
            log.warn("trade {}: notify_url is not a URL, nothing sent", trade.tradeNo());
            return Optional.empty();
        }
    }

    /**
     * @param id     the channel's notification id, the same on every attempt
     * @param render the message, made again for each attempt
     */
    protected final void send(URI target, String id, Supplier<Message> render) {
        notifier.send(new OutgoingNotification(id, target, render, retrySchedule, accepted));
    }
}
