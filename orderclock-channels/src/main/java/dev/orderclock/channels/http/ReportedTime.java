package dev.orderclock.channels.http;

import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** A moment a channel's answer reports (paid at, refunded at), in that channel's own format. */
public final class ReportedTime {

    private ReportedTime() {}

    /** The reported moment; when the answer names none, or none readable, the moment the answer came is the best known. */
    public static Instant orNow(String text, Function<String, Instant> parse, InstantSource clock) {
        if (text != null) {
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                // Fall through to the clock.
            }
        }
        return clock.instant();
    }
}
