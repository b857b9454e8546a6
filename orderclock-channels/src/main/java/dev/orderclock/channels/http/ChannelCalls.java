package dev.orderclock.channels.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every call of one channel shares: its timer {@code orderclock.channel.calls} by method and outcome,
 * the rule that a call which brought no answer (no connection, a timeout, a request that could not even be
 * made) is an unknown outcome rather than an error, and one warning for answers whose signature fails.
 */
public final class ChannelCalls {

    /** How a call ended, as the timer's {@code outcome} tag. */
    public enum Outcome {
        /** The channel did what was asked. */
        SUCCESS,
        /** The channel answered, trustworthily, and said no. */
        REFUSED,
        /** No trustworthy answer came: the channel may or may not have done it. */
        UNKNOWN;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One exchange with the channel; an exception means no answer came. */
    @FunctionalInterface
    public interface Exchange<R> {
        R send() throws IOException, InterruptedException;
    }

    /** What an exchange brought: the reply, or (reply null) why none came. */
    public record Sent<R>(R reply, String noAnswer) {

        public boolean answered() {
            return reply != null;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ChannelCalls.class);

    private final String channel;
    private final String counterpart;
    private final String keyProperties;
    private final MeterRegistry meters;
    private final AtomicBoolean warnedAboutSignatures = new AtomicBoolean();

    /**
     * @param channel       the channel's name, the timer's {@code channel} tag
     * @param counterpart   who answers, for log lines ("the gateway", "WeChat Pay")
     * @param keyProperties the properties that hold the channel's public key, named when a signature fails
     */
    public ChannelCalls(String channel, String counterpart, String keyProperties, MeterRegistry meters) {
        this.channel = channel;
        this.counterpart = counterpart;
        this.keyProperties = keyProperties;
        this.meters = meters;
    }

    /** Makes the call and records how long it took and how it ended. */
    public <A> A timed(String method, Supplier<A> call, Function<A, Outcome> outcome) {
        Timer.Sample sample = Timer.start(meters);
        A answer = call.get();
        sample.stop(Timer.builder("orderclock.channel.calls")
                .description("Calls to payment channels, by method and outcome (unknown: no trustworthy answer)")
                .tag("channel", channel)
                .tag("method", method)
                .tag("outcome", outcome.apply(answer).tag())
                .register(meters));
        return answer;
    }

    /** Runs one exchange; whatever keeps an answer from coming is the reason none came, never an exception. */
    public <R> Sent<R> send(String method, Exchange<R> exchange) {
        try {
            return new Sent<>(exchange.send(), null);
        } catch (IOException e) {
            log.debug("{} {}: no answer from {}", channel, method, counterpart, e);
            return new Sent<>(
                    null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent<>(null, "interrupted");
        } catch (RuntimeException e) {
            // A URL not yet resolvable, a key the JDK refuses: still no answer from the channel.
            log.warn("{} {}: the call could not be made: {}", channel, method, e.toString());
            return new Sent<>(null, e.toString());
        }
    }

    /**
     * An answer refused for its signature: a warning the first time (most likely the wrong public key is
     * configured), DEBUG after that, so that a misconfigured channel does not flood the log.
     */
    public void unverified(String method, String flaw) {
        if (warnedAboutSignatures.compareAndSet(false, true)) {
            log.warn(
                    "{} {}: an answer from {} was refused ({}); are {} {}'s for this account? Later refusals are "
                            + "logged at DEBUG",
                    channel,
                    method,
                    counterpart,
                    flaw,
                    keyProperties,
                    counterpart);
        } else {
            log.debug("{} {}: answer refused: {}", channel, method, flaw);
        }
    }
}
