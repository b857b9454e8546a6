package dev.orderclock.outbox;

import java.util.Collection;
import java.util.List;

/**
 * The transactional outbox, read: the events the stores wrote with their state changes, by position.
 * The stores write it; the dashboard's event stream tails it and the cluster's relay publishes it.
 * A position is a sequence number taken when a row is written, so a row may become visible after a
 * higher one (its transaction committed later): readers that must not miss one look again for gaps.
 */
public interface Outbox {

    /** What {@link #publishNext} answers when another relay holds the lock: it published nothing. */
    int LOCKED = -1;

    /** The events after {@code seq}, in sequence order, at most {@code limit} (positive). */
    List<OutboxEvent> after(long seq, int limit);

    /** The latest {@code limit} (positive) events, oldest first. */
    List<OutboxEvent> latest(int limit);

    /** Those of {@code seqs} that exist now, in sequence order. */
    List<OutboxEvent> among(Collection<Long> seqs);

    /** The highest sequence number written so far, 0 for an empty outbox. */
    long lastSeq();

    /**
     * Publishes the next unpublished events: in one transaction, takes the relay lock {@code lockKey}
     * (held until the transaction ends, so one relay per key publishes at a time across every process
     * on the database), reads at most {@code limit} (positive) unpublished events in sequence order,
     * hands them to {@code publisher} and, when it returns, marks them published. A publisher that
     * throws marks nothing: the same events come again next time (at least once).
     *
     * @return how many events were published (0 when there were none), or {@link #LOCKED} when another
     *         relay holds the lock, in which case the publisher is not called
     */
    <X extends Exception> int publishNext(long lockKey, int limit, Publisher<X> publisher) throws X;

    /** Sends a batch on, returning only once it is safely delivered (a broker's confirms). */
    @FunctionalInterface
    interface Publisher<X extends Exception> {
        void publish(List<OutboxEvent> batch) throws X;
    }
}
