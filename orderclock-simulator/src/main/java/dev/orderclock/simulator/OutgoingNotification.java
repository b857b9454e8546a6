package dev.orderclock.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A notification a simulated channel owes the shop, in the channel's terms: where it goes, the
 * message (rendered again for each attempt, for channels that sign a fresh timestamp each time), the
 * channel's retry intervals, and what answer ends the retries.
 *
 * @param id            the channel's notification id, the same on every attempt (for logs)
 * @param retrySchedule the waits before the 2nd, 3rd... attempt, before {@code retry-scale}
 */
public record OutgoingNotification(
        String id, URI target, Supplier<Message> render, List<Duration> retrySchedule, Predicate<Reply> accepted) {

    public OutgoingNotification {
        retrySchedule = List.copyOf(retrySchedule);
    }

    /** One attempt's request: headers and body. */
    public record Message(Map<String, String> headers, String body) {}

    /** What the shop answered. */
    public record Reply(int status, String body) {}
}
