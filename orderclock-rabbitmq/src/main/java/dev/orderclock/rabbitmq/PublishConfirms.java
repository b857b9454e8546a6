package dev.orderclock.rabbitmq;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The deadlines of published delay messages until the broker confirms them. A message carries many
 * deadlines, so a nack, a failed publish or a channel closed before the confirm loses all of them:
 * counted here, logged at most every 10 s, and left to the sweeper.
 */
final class PublishConfirms {

    private static final Logger log = LoggerFactory.getLogger(PublishConfirms.class);
    private static final long LOG_INTERVAL_MILLIS = 10_000;

    /** Publish sequence number to the number of deadlines its message carries. */
    private final ConcurrentNavigableMap<Long, Integer> unconfirmed = new ConcurrentSkipListMap<>();

    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
    private final InstantSource clock;

    PublishConfirms(InstantSource clock) {
        this.clock = clock;
    }

    void published(long seq, int deadlines) {
        unconfirmed.put(seq, deadlines);
    }

    /** The publish of {@code seq} threw (or never got a sequence number, -1): its deadlines are lost. */
    void failed(long seq, int deadlines, String why) {
        // unless the channel's shutdown already counted it
        if (seq < 0 || unconfirmed.remove(seq) != null) {
            lost(deadlines, why);
        }
    }

    void acked(long seq, boolean multiple) {
        settle(seq, multiple);
    }

    void nacked(long seq, boolean multiple) {
        lost(settle(seq, multiple), "the broker refused them");
    }

    /** Sequence numbers start again on a recovered channel: whatever awaited a confirm is unknown. */
    void channelClosed(String why) {
        int deadlines = 0;
        for (Long seq : unconfirmed.keySet()) {
            Integer count = unconfirmed.remove(seq);
            deadlines += count != null ? count : 0;
        }
        lost(deadlines, "the channel closed before the broker confirmed them: " + why);
    }

    /** Deadlines whose message was neither confirmed nor refused yet. */
    int unconfirmed() {
        return unconfirmed.values().stream().mapToInt(Integer::intValue).sum();
    }

    long lost() {
        return lost.get();
    }

    private void lost(int deadlines, String why) {
        if (deadlines <= 0) {
            return;
        }
        long total = lost.addAndGet(deadlines);
        long now = clock.millis();
        long last = lastLogged.get();
        if (now - last >= LOG_INTERVAL_MILLIS && lastLogged.compareAndSet(last, now)) {
            log.warn("{} deadline publishes lost ({} since start), left to the sweeper: {}", deadlines, total, why);
        }
    }

    private int settle(long seq, boolean multiple) {
        if (!multiple) {
            Integer count = unconfirmed.remove(seq);
            return count != null ? count : 0;
        }
        ConcurrentNavigableMap<Long, Integer> settled = unconfirmed.headMap(seq, true);
        int deadlines = 0;
        for (Long key : settled.keySet()) {
            Integer count = settled.remove(key);
            deadlines += count != null ? count : 0;
        }
        return deadlines;
    }
}
