package dev.orderclock.channels.settings;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.InstantSource;
import java.util.function.Supplier;

/**
 * What every channel takes from the application that hosts it: its placeholder resolution for
 * addresses (the server's waits for its own port), its clock and its meters.
 */
public record ChannelHost(AddressResolver resolve, InstantSource clock, MeterRegistry meters) {

    /** The address with its placeholders resolved at first use, then kept ({@link ChannelSettings#resolvedOnUse}). */
    public Supplier<String> address(String template) {
        return ChannelSettings.resolvedOnUse(template, resolve);
    }
}
