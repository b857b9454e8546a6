package dev.orderclock.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The binary delay tiers, routed by the broker (as NServiceBus does): tier <i>i</i> is a quorum queue
 * whose messages all live 2^i s, so FIFO order is expiry order and nothing blocks. A delay's routing
 * key spells its bits, most significant first; the topic exchange of level <i>i</i> sends a message
 * whose bit <i>i</i> is set into tier <i>i</i> (which dead-letters it to level <i>i</i>-1), and any
 * other straight on to level <i>i</i>-1; below level 0 lies the due queue.
 */
public final class RabbitDelayTiers {

    /** 28 levels reach 2^28 - 1 s, about 8.5 years. */
    public static final int LEVELS = 28;

    public static final long MAX_DELAY_SECONDS = (1L << LEVELS) - 1;
    public static final String DEFAULT_PREFIX = "orderclock.";

    private final String prefix;

    public RabbitDelayTiers(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("a prefix is required, e.g. " + DEFAULT_PREFIX);
        }
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String levelExchange(int level) {
        return prefix + "delay.level." + level;
    }

    public String tierQueue(int level) {
        return prefix + "delay.tier." + level;
    }

    /** Where every delay is published: the top level, which passes on what it does not hold. */
    public String entryExchange() {
        return levelExchange(LEVELS - 1);
    }

    public String deliveryExchange() {
        return prefix + "delay.deliver";
    }

    public String dueQueue() {
        return prefix + "due";
    }

    public String eventsExchange() {
        return prefix + "events";
    }

    /**
     * Whole seconds the message spends in the tiers: rounded down, so it reaches the due queue up to a
     * second before its deadline and the consumer's wheel waits out the fraction (a message is never
     * fired early: the consumer compares the deadline it carries). Rounding up instead would add up to
     * a second of lateness to every close.
     */
    public static long delaySeconds(long nowMillis, long dueMillis) {
        long millis = dueMillis - nowMillis;
        if (millis <= 0) {
            return 0;
        }
        long seconds = millis / 1000;
        if (seconds > MAX_DELAY_SECONDS) {
            throw new IllegalArgumentException("delay beyond " + MAX_DELAY_SECONDS + " s: " + seconds + " s");
        }
        return seconds;
    }

    /** The routing key of a delay: its {@link #LEVELS} bits, most significant first, then {@code due}. */
    public static String routingKey(long delaySeconds) {
        if (delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS) {
            throw new IllegalArgumentException("delay out of range: " + delaySeconds);
        }
        StringBuilder key = new StringBuilder(LEVELS * 2 + 3);
        for (int level = LEVELS - 1; level >= 0; level--) {
            key.append((delaySeconds >>> level) & 1).append('.');
        }
        return key.append("due").toString();
    }

    /** Tier <i>i</i>'s arguments: 2^i s for every message, and dead-lettering that cannot lose one. */
    public Map<String, Object> tierArguments(int level) {
        return Map.of(
                "x-queue-type", "quorum",
                "x-message-ttl", (1L << level) * 1000L,
                "x-dead-letter-exchange", below(level),
                "x-dead-letter-strategy", "at-least-once",
                // at-least-once dead-lettering requires it: a full queue refuses, it does not drop the head
                "x-overflow", "reject-publish");
    }

    /** Every binding of the topology, exchange to queue or exchange to exchange. */
    public List<Binding> bindings() {
        List<Binding> bindings = new ArrayList<>();
        for (int level = LEVELS - 1; level >= 0; level--) {
            String skip = "*.".repeat(LEVELS - 1 - level);
            bindings.add(new Binding(levelExchange(level), tierQueue(level), true, skip + "1.#"));
            bindings.add(new Binding(levelExchange(level), below(level), false, skip + "0.#"));
        }
        bindings.add(new Binding(deliveryExchange(), dueQueue(), true, ""));
        return bindings;
    }

    /** Declares everything; idempotent, so every node does it at every start and reconnection. */
    public void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(deliveryExchange(), "fanout", true);
        for (int level = 0; level < LEVELS; level++) {
            channel.exchangeDeclare(levelExchange(level), "topic", true);
            channel.queueDeclare(tierQueue(level), true, false, false, tierArguments(level));
        }
        channel.queueDeclare(dueQueue(), true, false, false, Map.of("x-queue-type", "quorum"));
        for (Binding binding : bindings()) {
            if (binding.toQueue()) {
                channel.queueBind(binding.destination(), binding.source(), binding.pattern());
            } else {
                channel.exchangeBind(binding.destination(), binding.source(), binding.pattern());
            }
        }
        channel.exchangeDeclare(eventsExchange(), "topic", true);
    }

    /** Deletes everything {@link #declare} made, messages included: for tests and for taking a prefix down. */
    public void delete(Channel channel) throws IOException {
        for (int level = 0; level < LEVELS; level++) {
            channel.queueDelete(tierQueue(level));
            channel.exchangeDelete(levelExchange(level));
        }
        channel.queueDelete(dueQueue());
        channel.exchangeDelete(deliveryExchange());
        channel.exchangeDelete(eventsExchange());
    }

    /**
     * Deletes what {@link #declare} made for {@code prefix} over a connection of its own from {@code factory},
     * then closes it: for tests and the bench taking a prefix down once its nodes have stopped (a running node
     * declares it again on its next reconnection). Deleting what is already gone succeeds.
     */
    public static void deleteAll(ConnectionFactory factory, String prefix) throws IOException, TimeoutException {
        try (Connection connection = factory.newConnection("orderclock clean-up of " + prefix);
                Channel channel = connection.createChannel()) {
            new RabbitDelayTiers(prefix).delete(channel);
        }
    }

    private String below(int level) {
        return level == 0 ? deliveryExchange() : levelExchange(level - 1);
    }

    /** A binding from exchange {@code source} to a queue or exchange, by topic pattern. */
    public record Binding(String source, String destination, boolean toQueue, String pattern) {}
}
