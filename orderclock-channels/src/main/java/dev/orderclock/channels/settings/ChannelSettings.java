package dev.orderclock.channels.settings;

import dev.orderclock.settings.InvalidSettingException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How a channel's {@code orderclock.channels.<name>.*} properties are read: all of them or none (one forgotten
 * is a start-up failure naming it), keys that fail to parse named by their property, positive timeouts, and
 * URLs whose placeholders resolve only once the server listens.
 */
public final class ChannelSettings {

    private final String prefix;
    private final String channel;
    private final List<String> properties;

    /**
     * @param prefix     the properties' common prefix, ending with a dot
     * @param channel    what the properties make, for messages ("a real Alipay channel")
     * @param properties every property the channel needs
     */
    public ChannelSettings(String prefix, String channel, List<String> properties) {
        this.prefix = prefix;
        this.channel = channel;
        this.properties = List.copyOf(properties);
    }

    /** The value, stripped; a missing one names every property the channel needs. */
    public String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw InvalidSettingException.of(
                    prefix + name,
                    prefix + name + " is not set: " + channel + " needs all of "
                            + properties + " (the built-in simulator "
                            + "sets them only while orderclock.sim.enabled is true and no real channel property is set).",
                    "Set " + prefix + name + ", or remove every " + prefix + "* property to leave the channel off.");
        }
        return value.strip();
    }

    /** A key parsed from its property; one the JDK refuses is a start-up failure naming the property. */
    public <T> T key(Supplier<T> parse, String name) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(
                    List.of(prefix + name),
                    prefix + name + ": " + e.getMessage() + ".",
                    "Set " + prefix + name + " to the key as the channel's merchant console issued it.");
        }
    }

    /** The timeout, or its default when unset; zero or negative is refused (a call must not wait for ever). */
    public static Duration positive(Duration timeout, Duration byDefault, String prefix) {
        Duration value = timeout != null ? timeout : byDefault;
        if (value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(
                    List.of(prefix + ".connect-timeout", prefix + ".read-timeout"),
                    prefix + " timeouts must be positive: a call to the channel must not wait for ever.",
                    "Set " + prefix + ".connect-timeout and .read-timeout above zero (e.g. 5s), or remove them.");
        }
        return value;
    }

    /**
     * The text with its placeholders resolved at first use and then kept: {@code ${local.server.port}}
     * exists only once the server listens, after the beans are made.
     */
    public static Supplier<String> resolvedOnUse(String template, UnaryOperator<String> resolve) {
        AtomicReference<String> resolved = new AtomicReference<>();
        return () -> {
            String value = resolved.get();
            if (value == null) {
                value = resolve.apply(template);
                resolved.set(value);
            }
            return value;
        };
    }
}
